using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Payments.Infrastructure.Providers.Cryptomus;

namespace Payments.Tests;

public sealed class CryptomusSignatureTests
{
    [Fact]
    public void A_request_is_signed_with_the_md5_of_its_base64_body_and_the_key()
    {
        var body = Encoding.UTF8.GetBytes("{\"amount\":\"4.00\"}");

        CryptomusSignature.Sign(body, "key").Should().Be(Md5Hex("eyJhbW91bnQiOiI0LjAwIn0=" + "key"));
        CryptomusSignature.Sign([], "key").Should().Be(Md5Hex("key"), "an empty body signs the empty string");
    }

    [Fact]
    public void A_webhook_is_written_again_as_php_json_encode_writes_it()
    {
        var body = JsonNode.Parse("""{"type":"payout","url":"https://x.example/a","name":"Zoë \"Z\"","n":1.50,"ok":true,"none":null,"list":[1,"a\tb"],"sign":"x"}""")!.AsObject();

        CryptomusSignature.PhpJson(body, except: "sign")
            .Should().Be("""{"type":"payout","url":"https:\/\/x.example\/a","name":"Zoë \"Z\"","n":1.50,"ok":true,"none":null,"list":[1,"a\tb"]}""");
    }

    [Fact]
    public void A_signed_webhook_checks_and_any_change_or_other_key_does_not()
    {
        var body = CryptomusSignature.SignWebhook(new JsonObject { ["type"] = "payout", ["order_id"] = "w1", ["amount"] = "4.00", ["status"] = "paid" }, "key");

        CryptomusSignature.IsSignedWebhook(body, "key").Should().BeTrue();
        CryptomusSignature.IsSignedWebhook(body, "other").Should().BeFalse();
        var changed = body.DeepClone().AsObject();
        changed["amount"] = "4.01";
        CryptomusSignature.IsSignedWebhook(changed, "key").Should().BeFalse();
        var unsigned = body.DeepClone().AsObject();
        unsigned.Remove("sign");
        CryptomusSignature.IsSignedWebhook(unsigned, "key").Should().BeFalse();
    }

#pragma warning disable CA5351 // the provider's protocol
    private static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}
