# The SocialInfra web app. docker-compose.yml runs it beside PostGIS with the demo borough.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY data/ data/
COPY src/ src/
RUN dotnet publish src/SocialInfra.Web/SocialInfra.Web.csproj -c Release -o /app \
 && dotnet publish src/SocialInfra.Cli/SocialInfra.Cli.csproj -c Release -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "SocialInfra.Web.dll"]
