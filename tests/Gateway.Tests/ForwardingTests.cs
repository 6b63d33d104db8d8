using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Platform.Topology;

namespace Gateway.Tests;

/// <summary>
/// The gateway in front of a real HTTP service (an echo standing in for Jobs): request bodies of every shape reach the
/// service byte for byte with their headers, and the service's answer comes back unchanged.
/// </summary>
public sealed class ForwardingTests : IAsyncLifetime
{
    private EchoService _echo = null!;
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync()
    {
        _echo = await EchoService.StartAsync();
        _gateway = new GatewayFactory(new Dictionary<string, string> { ["services:jobs:http:0"] = _echo.Address });
    }

    private HttpClient Client(out string token)
    {
        token = _gateway.Tokens.For("0123456789abcdef01234567");
        return _gateway.Client(token);
    }

    [Theory]
    [InlineData(150)] // a typical JSON body: sent with the headers in one write
    [InlineData(SmallRequestBodies.MaxBufferedBytes)] // the largest body sent that way
    [InlineData(SmallRequestBodies.MaxBufferedBytes + 1)] // streamed
    [InlineData((int)PlatformService.DefaultMaxRequestBodyBytes)] // streamed, many reads: the largest body the service takes
    public async Task A_body_with_a_declared_length_reaches_the_service_byte_for_byte(int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await Client(out var token).PostAsync("/api/v1/jobs", content);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var echoed = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        echoed["method"]!.GetValue<string>().Should().Be("POST");
        echoed["path"]!.GetValue<string>().Should().Be("/api/v1/jobs");
        echoed["content_type"]!.GetValue<string>().Should().Be("application/json");
        echoed["declared_length"]!.GetValue<long>().Should().Be(size);
        echoed["length"]!.GetValue<long>().Should().Be(size);
        echoed["sha256"]!.GetValue<string>().Should().Be(Convert.ToHexString(SHA256.HashData(bytes)));
        echoed["authorization"]!.GetValue<string>().Should().Be($"Bearer {token}");
    }

    [Theory]
    [InlineData(300, true)] // small: it has ended within the limit, so it leaves with a length, in one write
    [InlineData(SmallRequestBodies.MaxBufferedBytes, true)]
    [InlineData(SmallRequestBodies.MaxBufferedBytes + 1, false)] // streamed, chunked as it came
    [InlineData(40_000, false)]
    public async Task A_chunked_body_without_a_declared_length_reaches_the_service_byte_for_byte(int size, bool sentWithLength)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await Client(out _).SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var echoed = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        if (sentWithLength) echoed["declared_length"]!.GetValue<long>().Should().Be(size);
        else echoed["declared_length"].Should().BeNull();
        echoed["length"]!.GetValue<long>().Should().Be(bytes.Length);
        echoed["sha256"]!.GetValue<string>().Should().Be(Convert.ToHexString(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task A_request_without_a_body_arrives_without_one()
    {
        var response = await Client(out _).GetAsync("/api/v1/jobs/0123456789abcdef01234567?x=1");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var echoed = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        echoed["method"]!.GetValue<string>().Should().Be("GET");
        echoed["path"]!.GetValue<string>().Should().Be("/api/v1/jobs/0123456789abcdef01234567");
        echoed["length"]!.GetValue<long>().Should().Be(0);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _echo.DisposeAsync();
    }
}
