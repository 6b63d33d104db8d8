using Payments.Domain.Funding;
using Payments.Domain.Ledger;

namespace Payments.Tests;

public sealed class JobFundingRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0.06, 10, 0.006)]
    [InlineData(1, 10, 0.10)]
    [InlineData(0.0001, 10, 0)]
    [InlineData(0.0005, 10, 0.0001)]
    [InlineData(2.5, 0, 0)]
    public void The_fee_is_a_percentage_of_the_price_kept_to_four_decimals(decimal price, decimal percent, decimal fee) =>
        JobFunding.FeeFor(price, percent).Should().Be(fee);

    [Fact]
    public void A_job_is_charged_a_unit_per_position_and_an_open_job_holds_a_unit_per_unpaid_position()
    {
        var funding = JobFunding.Open("j", "e", 0.06m, 3, 10m, Now);

        funding.Unit.Should().Be(0.066m);
        funding.Charged.Should().Be(0.198m);
        funding.HoldWanted(confirmed: 0, inFlight: 0).Should().Be(0.198m);
        funding.HoldWanted(confirmed: 1, inFlight: 2).Should().Be(0.132m, "in flight or not, an open job keeps every unpaid position");
        funding.HoldWanted(confirmed: 3, inFlight: 0).Should().Be(0m);
    }

    [Fact]
    public void A_closed_job_holds_a_unit_only_per_task_in_flight_and_never_more_than_is_unpaid()
    {
        var funding = JobFunding.Open("j", "e", 1m, 5, 10m, Now);
        funding.SetOpen(false, Now.AddSeconds(1)).Should().BeTrue();

        funding.HoldWanted(confirmed: 1, inFlight: 2).Should().Be(2.20m);
        funding.HoldWanted(confirmed: 1, inFlight: 0).Should().Be(0m);
        funding.HoldWanted(confirmed: 4, inFlight: 3).Should().Be(1.10m, "only one position is unpaid");
    }

    [Fact]
    public void An_older_status_changes_nothing_and_a_cancelled_funding_holds_nothing_and_stays_cancelled()
    {
        var funding = JobFunding.Open("j", "e", 1m, 2, 10m, Now);
        funding.SetOpen(false, Now.AddSeconds(2)).Should().BeTrue();
        funding.SetOpen(true, Now.AddSeconds(1)).Should().BeFalse("a deactivation heard after a later reopening is old news");
        funding.IsOpen.Should().BeFalse();

        funding.Cancel(Now.AddSeconds(3));
        funding.HoldWanted(0, 0).Should().Be(0m);
        funding.SetOpen(true, Now.AddSeconds(4)).Should().BeFalse();
        funding.IsCancelled.Should().BeTrue();
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void A_funding_needs_positions_and_a_price(int positions, decimal price) =>
        FluentActions.Invoking(() => JobFunding.Open("j", "e", price, positions, 10m, Now)).Should().Throw<LedgerRuleException>();
}
