using Payments.Domain.Rentals;

namespace Payments.Tests;

/// <summary>The rules of a rental's hours: which hour is due when, the fee, what an end and an unpaid hour stop.</summary>
public sealed class RentalBillingRulesTests
{
    private static readonly DateTime Start = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    private static RentalBilling Rental(decimal rate = 2m) => RentalBilling.Open("r1", "d1", "renter", "owner", rate, 10m, Start);

    [Fact]
    public void The_first_hour_is_due_at_the_start_and_each_next_one_when_it_starts()
    {
        var rental = Rental();

        rental.HourDueAt(Start).Should().Be(1);
        rental.MarkBilled(1);
        rental.HourDueAt(Start.AddMinutes(59)).Should().BeNull();
        rental.HourDueAt(Start.AddHours(1)).Should().Be(2);
        rental.HourDueAt(Start.AddHours(5)).Should().Be(2, "hours are billed in order, one at a time");
        FluentActions.Invoking(() => rental.MarkBilled(3)).Should().Throw<Platform.Domain.DomainRuleException>();
    }

    [Fact]
    public void The_fee_is_rounded_down_and_the_owner_earns_the_rest()
    {
        var rental = Rental(rate: 0.3333m);

        rental.FeePerHour.Should().Be(0.0333m);
        rental.OwnerEarningPerHour.Should().Be(0.3m);
    }

    [Fact]
    public void An_end_keeps_the_hours_that_started_before_it_and_none_after()
    {
        var rental = Rental();
        rental.MarkBilled(1);

        rental.End(Start.AddMinutes(70)).Should().BeTrue();
        rental.End(Start.AddHours(9)).Should().BeFalse("a rental ends once");

        rental.HourDueAt(Start.AddHours(3)).Should().Be(2, "the second hour started before the end");
        rental.MarkBilled(2);
        rental.HourDueAt(Start.AddHours(3)).Should().BeNull();
        rental.NextHourAt.Should().BeNull();
    }

    [Fact]
    public void An_unpaid_hour_stops_the_billing_and_only_a_later_hours_is_announced()
    {
        var first = Rental();
        first.MarkUnpaid(1);
        var later = Rental();
        later.MarkBilled(1);
        later.MarkUnpaid(2);

        first.NextHourAt.Should().BeNull();
        first.DomainEvents.Should().BeEmpty("the refused start is its own answer");
        later.HourDueAt(Start.AddHours(9)).Should().BeNull();
        later.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<RentalPaymentFailedDomainEvent>().Which.Hour.Should().Be(2);
    }

    [Fact]
    public void An_owner_doesnt_rent_their_own_device_and_an_hour_costs_something()
    {
        FluentActions.Invoking(() => RentalBilling.Open("r", "d", "same", "same", 1m, 10m, Start)).Should().Throw<Platform.Domain.DomainRuleException>();
        FluentActions.Invoking(() => RentalBilling.Open("r", "d", "a", "b", 0m, 10m, Start)).Should().Throw<Platform.Domain.DomainRuleException>();
    }
}
