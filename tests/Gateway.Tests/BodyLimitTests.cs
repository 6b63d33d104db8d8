using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Platform.Topology;

namespace Gateway.Tests;

/// <summary>
/// The real gateway (Kestrel on a socket) in front of a real service: a body over the route's limit gets a 413 from the
/// gateway, every time, readable by a plain client that sends the whole body before it reads, and never reaches the
/// service.
/// </summary>
public sealed class BodyLimitTests : IAsyncLifetime
{
    private const int GatewayMax = 10 * 1024 * 1024;
    private static readonly long RouteLimit = PlatformServices.Jobs.MaxRequestBodyBytes;
    private EchoService _echo = null!;
    private GatewayFactory _gateway = null!;
    private Uri _address = null!;
    private string _token = string.Empty;

    public async Task InitializeAsync()
    {
        _echo = await EchoService.StartAsync();
        _gateway = new GatewayFactory(new Dictionary<string, string>
        {
            ["services:jobs:http:0"] = _echo.Address,
            ["Gateway:MaxRequestBodyBytes"] = GatewayMax.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _gateway.UseKestrel(0);
        _gateway.StartServer();
        var addresses = _gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        _address = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        _token = _gateway.Tokens.For("0123456789abcdef01234567");
    }

    [Theory]
    [InlineData(1024 * 1024 + 1)] // just over the service's limit, under the gateway's
    [InlineData(2_000_000)]
    [InlineData(20 * 1024 * 1024)] // over the gateway's own limit too
    public async Task A_declared_body_over_the_limit_gets_a_413_a_plain_client_can_read(int size)
    {
        var (status, body) = await PlainPostAsync(size);

        status.Should().Be("HTTP/1.1 413 Payload Too Large");
        body.Should().Contain("\"status\":413");
        _echo.Requests.Should().Be(0, "the service never sees a body it would refuse");
    }

    [Fact]
    public async Task A_declared_body_at_the_limit_reaches_the_service()
    {
        var (status, _) = await PlainPostAsync((int)RouteLimit);

        status.Should().Be("HTTP/1.1 201 Created");
        _echo.Requests.Should().Be(1);
    }

    [Fact]
    public async Task Repeated_oversize_creates_get_413_every_time()
    {
        using var client = new HttpClient { BaseAddress = _address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        for (var i = 0; i < 20; i++)
        {
            var response = await client.PostAsync("/api/v1/jobs", new StringContent(new string('x', 2_000_000), Encoding.UTF8, "application/json"));
            response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge, $"attempt {i + 1}");
        }
    }

    [Theory]
    [InlineData(1024 * 1024 + 1)]
    [InlineData(3 * 1024 * 1024)]
    public async Task A_chunked_body_that_passes_the_limit_gets_a_413_not_a_502(int size)
    {
        using var client = new HttpClient { BaseAddress = _address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        var content = new StreamContent(new MemoryStream(new byte[size]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    /// <summary>What Python's urllib or curl without Expect does: send the headers and the whole body, then read the answer.</summary>
    private async Task<(string StatusLine, string Body)> PlainPostAsync(int size)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_address.Host, _address.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/v1/jobs HTTP/1.1\r\nHost: {_address.Authority}\r\nAuthorization: Bearer {_token}\r\n" +
                   $"Content-Type: application/json\r\nContent-Length: {size}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var chunk = new byte[64 * 1024];
        for (var sent = 0; sent < size; sent += chunk.Length)
            await stream.WriteAsync(chunk.AsMemory(0, Math.Min(chunk.Length, size - sent)));

        using var reader = new StreamReader(stream, Encoding.ASCII);
        var response = await reader.ReadToEndAsync();
        var statusLine = response.Split("\r\n")[0];
        return (statusLine, response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _echo.DisposeAsync();
    }
}
