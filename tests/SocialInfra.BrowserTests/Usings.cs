global using SocialInfra.Tests.Infrastructure;
