using Devices.Application.Events;
using Devices.Domain.Devices;
using Platform.Contracts.Devices;

namespace Devices.Tests;

public sealed class DeviceTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DeviceSpecs Specs = new("Samsung", "Galaxy S21", "US", false, "wifi", 8, 8192, "Snapdragon 888", "31", "12");

    private static Device NewDevice()
    {
        var device = Device.Register(Guid.NewGuid().ToString(), "owner", "Atomic Mammal", Specs, "+14155550123", new string('a', 64), Now);
        device.TakeDomainEvents();
        return device;
    }

    [Fact]
    public void A_registered_device_is_offline_off_the_market_with_an_unverified_number_and_announces_itself()
    {
        var device = Device.Register("d1", "owner", "Atomic Mammal", Specs, "+14155550123", new string('a', 64), Now);

        device.Online.Should().BeFalse();
        device.Market.IsOnMarket.Should().BeFalse();
        device.IsAvailable.Should().BeTrue();
        device.VerifiedPhoneNumber.Should().BeNull();
        var registered = new DeviceIntegrationEvents().Map(device.DomainEvents.Single()).Single().Should().BeOfType<DeviceRegistered>().Subject;
        registered.SecretHash.Should().Be(new string('a', 64));
        registered.Device.Revision.Should().Be(1);
        registered.Device.Name.Should().Be("Atomic Mammal");
    }

    [Fact]
    public void The_first_heartbeat_brings_it_online_once_and_silence_for_the_window_takes_it_offline()
    {
        var device = NewDevice();

        device.Heartbeat(Now);
        device.Heartbeat(Now.AddSeconds(10));
        device.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<DeviceWentOnlineDomainEvent>();
        device.TakeDomainEvents();

        device.GoOfflineIfSilent(Now.AddSeconds(69), TimeSpan.FromSeconds(60)).Should().BeFalse("the last heartbeat was 59 s ago");
        device.GoOfflineIfSilent(Now.AddSeconds(70), TimeSpan.FromSeconds(60)).Should().BeTrue();
        device.Online.Should().BeFalse();
        device.GoOfflineIfSilent(Now.AddSeconds(200), TimeSpan.FromSeconds(60)).Should().BeFalse("it is offline already");
        device.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<DeviceWentOfflineDomainEvent>();
    }

    [Fact]
    public void Settings_change_what_is_given_and_keep_the_rest()
    {
        var device = NewDevice();
        var automation = Guid.NewGuid().ToString();

        device.ChangeMarket(true, null, null, [automation, automation]);
        device.ChangeMarket(null, DevicePaymentType.Live, 2.5m, null);

        device.Market.Should().BeEquivalentTo(new MarketListing(true, DevicePaymentType.Live, 2.5m, [automation]));
        device.Market.Accepts(automation).Should().BeTrue();
        device.Market.Accepts(Guid.NewGuid().ToString()).Should().BeFalse();
        device.DomainEvents.Should().HaveCount(2).And.AllBeOfType<DeviceSettingsChangedDomainEvent>();
    }

    [Fact]
    public void Settings_that_change_nothing_raise_nothing_and_no_automations_accept_every_automation()
    {
        var device = NewDevice();

        device.ChangeMarket(false, DevicePaymentType.Action, null, []);

        device.DomainEvents.Should().BeEmpty();
        device.Market.Accepts(Guid.NewGuid().ToString()).Should().BeTrue();
    }

    [Fact]
    public void Live_payment_needs_an_hourly_rate()
    {
        var device = NewDevice();

        device.Invoking(d => d.ChangeMarket(true, DevicePaymentType.Live, null, null))
            .Should().Throw<DeviceRuleException>().WithMessage("hourly_rate is required for the live payment type");
        device.Market.Should().Be(MarketListing.Unlisted);
    }

    [Fact]
    public void Names_are_two_words_until_the_plain_draws_keep_colliding_then_numbered()
    {
        var random = new Random(7);

        var plain = Enumerable.Range(0, DeviceNames.PlainAttempts).Select(i => DeviceNames.Draw(random, i)).ToList();
        var numbered = DeviceNames.Draw(random, DeviceNames.PlainAttempts);

        plain.Should().OnlyContain(n => n.Split(' ').Length == 2 && n.Split(' ').All(w => char.IsUpper(w[0])));
        numbered.Split(' ').Should().HaveCount(3);
        int.Parse(numbered.Split(' ')[2]).Should().BeInRange(2, 9999);
        DeviceNames.Capacity.Should().BeGreaterThan(25_000);
    }

    [Fact]
    public void A_live_device_is_rented_by_another_user_its_events_carry_the_renter_and_an_ended_rental_frees_it()
    {
        var device = NewDevice();
        device.ChangeMarket(true, DevicePaymentType.Live, 2m, null);
        device.TakeDomainEvents();

        FluentActions.Invoking(() => device.Rent("r0", "owner", Now)).Should().Throw<DeviceRuleException>().WithMessage("You can't rent your own device");
        var rental = device.Rent("r1", "renter", Now);

        rental.Should().Be(new DeviceRental("r1", "renter", 2m, Now, Billed: false));
        device.IsForRent.Should().BeFalse();
        device.IsUsableBy("renter").Should().BeTrue("the renter may use the device's bucket");
        FluentActions.Invoking(() => device.Rent("r2", "other", Now)).Should().Throw<DeviceRuleException>();
        var rented = new DeviceIntegrationEvents().Map(device.DomainEvents.Single()).Single().Should().BeOfType<DeviceRented>().Subject;
        rented.Device.RenterId.Should().Be("renter");
        rented.HourlyRate.Should().Be(2m);

        device.MarkRentalBilled("other-rental").Should().BeFalse();
        device.MarkRentalBilled("r1").Should().BeTrue();
        FluentActions.Invoking(() => device.ChangeMarket(null, DevicePaymentType.Action, null, null)).Should().Throw<DeviceRuleException>()
            .WithMessage(Device.RentedListingFixed);
        device.EndRental("other-rental", RentalEndReasons.Renter, Now).Should().BeFalse();
        device.EndRental("r1", RentalEndReasons.Renter, Now.AddHours(1)).Should().BeTrue();

        device.Rental.Should().BeNull();
        device.IsForRent.Should().BeTrue();
        var ended = new DeviceIntegrationEvents().Map(device.DomainEvents[^1]).Single().Should().BeOfType<RentalEnded>().Subject;
        ended.Device.RenterId.Should().BeNull();
        ended.Reason.Should().Be("renter");
    }
}
