using System.Text.Json.Nodes;
using Platform.Testing;

namespace Identity.Api.Tests;

public sealed class OpenApiDocumentTests(IdentityApi api) : IClassFixture<IdentityApi>
{
    private async Task<JsonObject> Document() => JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!.AsObject();

    [Fact]
    public async Task The_token_endpoint_documents_its_form_fields_and_sign_up_its_body()
    {
        var document = await Document();

        var token = document["paths"]!["/api/v1/auth/token"]!["post"]!;
        token["operationId"]!.GetValue<string>().Should().Be("IssueToken");
        token["requestBody"]!["content"]!["application/x-www-form-urlencoded"]!["schema"]!["$ref"]!.GetValue<string>().Should().EndWith("/TokenRequest");
        var form = document["components"]!["schemas"]!["TokenRequest"]!;
        form["properties"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo("grant_type", "client_id", "client_secret");
        form["properties"]!["grant_type"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("client_credentials");

        var register = document["components"]!["schemas"]!["RegisterRequest"]!;
        register["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().BeEquivalentTo("email", "password", "name", "country");
        register["properties"]!["password"]!["minLength"]!.GetValue<int>().Should().Be(8);
        document["paths"]!["/api/v1/auth/register"]!["post"]!["operationId"]!.GetValue<string>().Should().Be("Register");
    }
}
