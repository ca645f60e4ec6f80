using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Security;

/// <summary>
/// Oversized bodies are refused early: Kestrel answers 413 from the declared length, before the body arrives, so a
/// client cannot tie the server up sending it. Only the administrators' import page takes large files.
/// </summary>
public sealed class UploadLimitTests : IAsyncLifetime
{
    private ScratchDatabase _database = null!;
    private ScratchApp _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.DemoAsync();
        _app = new ScratchApp(_database);
        _app.UseKestrel(0);
        _app.StartServer();
        _address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").Replace("localhost", "127.0.0.1"));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("/Account/Login", "application/x-www-form-urlencoded", 52_428_800L)]
    [InlineData("/join", "application/x-www-form-urlencoded", 52_428_800L)]
    [InlineData("/api/workshops/ABCDEF/contributions", "application/json", 52_428_800L)]
    [InlineData("/Admin/Imports", "multipart/form-data; boundary=x", 2_147_483_648L)]
    public async Task A_body_declared_larger_than_its_limit_is_refused_before_it_is_sent(string path, string contentType, long declared)
    {
        var answer = await SendTheStartOfAsync(path, contentType, declared);
        answer.Should().StartWith("HTTP/1.1 413");
        if (contentType.Contains("form"))
        {
            answer.Should().Contain("text/html", "a page says what happened");
            (await SendTheStartOfAsync(path, contentType, declared, wholeAnswer: true)).Should().Contain("What you sent is too large");
        }
    }

    [Fact]
    public async Task The_import_page_takes_more_than_a_megabyte_from_those_allowed_to_import()
    {
        // 50 MB is within the import page's gigabyte: the visitor is sent to sign in, not told it is too large.
        var answer = await SendTheStartOfAsync("/Admin/Imports", "multipart/form-data; boundary=x", 52_428_800L);
        answer.Should().StartWith("HTTP/1.1 302");
    }

    // Declares a length, sends only the first kilobyte, and returns the start of the answer (or, after a 413, when the
    // server closes the connection, all of it).
    private async Task<string> SendTheStartOfAsync(string path, string contentType, long declared, bool wholeAnswer = false)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(_address.Host, _address.Port);
        var stream = socket.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {_address.Host}:{_address.Port}\r\nContent-Type: {contentType}\r\nContent-Length: {declared}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + new string('a', 1024)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        if (wholeAnswer)
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync(timeout.Token);
        }
        var buffer = new byte[512];
        var read = await stream.ReadAsync(buffer, timeout.Token);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    [Fact]
    public async Task A_body_within_the_limit_is_read_as_usual()
    {
        using var client = new HttpClient { BaseAddress = _address };
        var response = await client.PostAsync("/Account/Login", new StringContent(new string('a', 500_000), Encoding.ASCII, "application/x-www-form-urlencoded"));
        ((int)response.StatusCode).Should().Be(400, "read in full, then refused for want of an antiforgery token, not for its size");
    }
}
