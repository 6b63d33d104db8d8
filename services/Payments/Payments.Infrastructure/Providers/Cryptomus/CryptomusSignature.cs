using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Payments.Infrastructure.Providers.Cryptomus;

/// <summary>
/// Cryptomus' signature, as its documentation defines it: the MD5 (hex) of the base64 of the JSON body followed by the
/// API key. A request is signed over the exact bytes sent. A webhook carries its signature in the body's "sign" field,
/// computed over the body without that field as PHP's <c>json_encode($data, JSON_UNESCAPED_UNICODE)</c> writes it
/// (compact, the keys in the order received, "/" escaped as "\/", other non-ASCII characters as they are), so the
/// check writes the received body again that way.
/// </summary>
public static class CryptomusSignature
{
    public static string Sign(ReadOnlySpan<byte> body, string apiKey)
    {
        var signed = Encoding.UTF8.GetBytes(Convert.ToBase64String(body) + apiKey);
#pragma warning disable CA5351 // MD5 is what the provider's protocol prescribes; it is not ours to choose.
        return Convert.ToHexStringLower(MD5.HashData(signed));
#pragma warning restore CA5351
    }

    /// <summary>Whether the webhook body's "sign" is the signature of the rest of it (compared in constant time).</summary>
    public static bool IsSignedWebhook(JsonObject body, string apiKey)
    {
        if (body["sign"] is not JsonValue signValue || !signValue.TryGetValue<string>(out var sign)) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(Encoding.UTF8.GetBytes(PhpJson(body, except: "sign")), apiKey));
        var given = Encoding.ASCII.GetBytes(sign.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>Signs a webhook body the way Cryptomus does: sets its "sign" (the fake provider in tests sends these).</summary>
    public static JsonObject SignWebhook(JsonObject body, string apiKey)
    {
        body.Remove("sign");
        body["sign"] = Sign(Encoding.UTF8.GetBytes(PhpJson(body, except: null)), apiKey);
        return body;
    }

    /// <summary>The JSON PHP's json_encode with JSON_UNESCAPED_UNICODE writes for <paramref name="node"/>.</summary>
    public static string PhpJson(JsonNode? node, string? except = null)
    {
        var text = new StringBuilder();
        Write(node, except, text);
        return text.ToString();
    }

    private static void Write(JsonNode? node, string? except, StringBuilder text)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (key == except) continue;
                    if (!first) text.Append(',');
                    first = false;
                    WriteString(key, text);
                    text.Append(':');
                    Write(value, null, text);
                }
                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) text.Append(',');
                    Write(array[i], null, text);
                }
                text.Append(']');
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                WriteString(value.GetValue<string>(), text);
                break;
            default:
                // Numbers, true, false as received.
                text.Append(node.ToJsonString());
                break;
        }
    }

    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '/': text.Append("\\/"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20) text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }
}
