using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Devices.Application.Devices;

namespace Devices.Api.Tests;

/// <summary>
/// How a device's phone number gets verified: the owner asks for a code, which goes to the number as a text message
/// (the development gateway: an email to {digits}@sms.platform.local); entering it verifies the number, and route 22
/// shows it to the agent only then.
/// </summary>
public sealed partial class PhoneVerificationTests : DevicesApiTest
{
    private async Task<string> PhoneAsync(string? number = "+14155550123")
    {
        var response = await Owner.PostAsJsonAsync("/api/v1/devices/register", DevicesApi.Phone(phoneNumber: number));
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await JsonOf(response))["remote_device_id"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> SendCodeAsync(string deviceId, string? number = null, HttpClient? caller = null) =>
        (caller ?? Owner).PostAsJsonAsync($"/api/v1/devices/{deviceId}/phone-number/verification", new JsonObject { ["phoneNumber"] = number });

    private Task<HttpResponseMessage> EnterAsync(string deviceId, string code, HttpClient? caller = null) =>
        (caller ?? Owner).PostAsJsonAsync($"/api/v1/devices/{deviceId}/phone-number/verify", new JsonObject { ["code"] = code });

    /// <summary>The code in the last text message to <paramref name="digits"/>.</summary>
    private string LastCodeTo(string digits) =>
        Code().Match(Api.Messages.Last(m => m.To == $"{digits}@sms.platform.local").Body).Value;

    private async Task<string?> AgentSeesAsync(string deviceId) =>
        (await Api.AgentClientFor(OwnerId, deviceId).GetFromJsonAsync<JsonObject>("/api/v1/agent/phone-number"))!["phoneNumber"]?.GetValue<string>();

    private static async Task<string> ErrorOf(HttpResponseMessage response) => (await JsonOf(response))["error"]!.GetValue<string>();

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex Code();

    [Fact]
    public async Task The_code_sent_to_the_number_verifies_it_and_the_agent_sees_it_then()
    {
        var deviceId = await PhoneAsync();
        (await AgentSeesAsync(deviceId)).Should().BeNull("not verified yet");

        var sent = await SendCodeAsync(deviceId);

        sent.StatusCode.Should().Be(HttpStatusCode.Accepted, await sent.Content.ReadAsStringAsync());
        var body = await JsonOf(sent);
        body["sent_to"]!.GetValue<string>().Should().Be("+1415•••0123");
        body["expires_in"]!.GetValue<int>().Should().Be(600);
        var message = Api.Messages.Single();
        message.To.Should().Be("14155550123@sms.platform.local");
        var code = LastCodeTo("14155550123");
        var wrong = await EnterAsync(deviceId, code == "000000" ? "111111" : "000000");
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(wrong)).Should().Be(EnterPhoneCodeHandler.WrongCode);

        var entered = await EnterAsync(deviceId, code);

        entered.StatusCode.Should().Be(HttpStatusCode.OK, await entered.Content.ReadAsStringAsync());
        (await JsonOf(entered))["phoneNumberVerified"]!.GetValue<bool>().Should().BeTrue();
        (await AgentSeesAsync(deviceId)).Should().Be("+14155550123");
        var again = await SendCodeAsync(deviceId);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ErrorOf(again)).Should().Be(SendPhoneCodeHandler.VerifiedAlready);
        (await EnterAsync(deviceId, code)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "a code is used once");
    }

    [Fact]
    public async Task A_new_number_replaces_the_verified_one_unverified_until_its_own_code_is_entered()
    {
        var deviceId = await PhoneAsync();
        await SendCodeAsync(deviceId);
        (await EnterAsync(deviceId, LastCodeTo("14155550123"))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await SendCodeAsync(deviceId, "+447700900123")).StatusCode.Should().Be(HttpStatusCode.Accepted);

        (await AgentSeesAsync(deviceId)).Should().BeNull("the new number is not verified yet");
        (await EnterAsync(deviceId, LastCodeTo("447700900123"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await AgentSeesAsync(deviceId)).Should().Be("+447700900123");
    }

    [Fact]
    public async Task One_code_a_minute_ten_minutes_to_enter_it_and_five_wrong_codes_void_it()
    {
        var deviceId = await PhoneAsync();
        (await SendCodeAsync(deviceId)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var first = LastCodeTo("14155550123");

        var tooSoon = await SendCodeAsync(deviceId);
        tooSoon.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ErrorOf(tooSoon)).Should().StartWith("A code was sent less than a minute ago");
        Clock.Advance(TimeSpan.FromSeconds(61));
        (await SendCodeAsync(deviceId)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var second = LastCodeTo("14155550123");
        if (first != second) (await EnterAsync(deviceId, first)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "a new code replaces the old");

        Clock.Advance(TimeSpan.FromMinutes(10));
        var late = await EnterAsync(deviceId, second);
        late.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(late)).Should().Be(EnterPhoneCodeHandler.Expired);

        (await SendCodeAsync(deviceId)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var third = LastCodeTo("14155550123");
        var wrong = third == "000000" ? "111111" : "000000";
        for (var i = 0; i < 4; i++) (await ErrorOf(await EnterAsync(deviceId, wrong))).Should().Be(EnterPhoneCodeHandler.WrongCode);
        (await ErrorOf(await EnterAsync(deviceId, wrong))).Should().Be(EnterPhoneCodeHandler.TooManyWrong);
        (await ErrorOf(await EnterAsync(deviceId, third))).Should().Be(EnterPhoneCodeHandler.NoCode, "the voided code no longer verifies");
        (await AgentSeesAsync(deviceId)).Should().BeNull();
    }

    [Theory]
    [InlineData("verification", """{"phoneNumber":"12345"}""", "phoneNumber must be an E.164 number such as +14155550123")]
    [InlineData("verification", """{"phoneNumber":14155550123}""", "phoneNumber must be a string")]
    [InlineData("verify", """{}""", "code is required")]
    [InlineData("verify", """{"code":"12ab56"}""", "code must be the 6 digits sent to the phone")]
    [InlineData("verify", """{"code":123456}""", "code must be a string")]
    [InlineData("verify", """{"code":"1234567"}""", "code")]
    public async Task Bad_input_is_a_400(string route, string body, string error)
    {
        var deviceId = await PhoneAsync();

        var response = await Owner.PostAsync($"/api/v1/devices/{deviceId}/phone-number/{route}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(response)).Should().Contain(error);
    }

    [Fact]
    public async Task No_number_another_owners_device_and_an_agent_token_are_refused()
    {
        var withoutNumber = await PhoneAsync(number: null);
        var deviceId = await PhoneAsync();

        var noNumber = await SendCodeAsync(withoutNumber);
        var stranger = await SendCodeAsync(deviceId, caller: Api.ClientFor(Platform.Application.Ids.ObjectIds.New()));
        var strangerEnters = await EnterAsync(deviceId, "123456", Api.ClientFor(Platform.Application.Ids.ObjectIds.New()));
        var agent = await SendCodeAsync(deviceId, caller: Api.AgentClientFor(OwnerId, deviceId));

        noNumber.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(noNumber)).Should().Be(Devices.Domain.Devices.Device.NoPhoneNumber);
        stranger.StatusCode.Should().Be(HttpStatusCode.NotFound);
        strangerEnters.StatusCode.Should().Be(HttpStatusCode.NotFound);
        agent.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        Api.Messages.Should().BeEmpty();
    }
}
