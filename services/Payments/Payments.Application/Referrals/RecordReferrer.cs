using Mediator;
using Payments.Application.Ports;
using Platform.Application.Results;

namespace Payments.Application.Referrals;

/// <summary>
/// A user signed up through another's referral link (UserRegistered's referrer_id): the referrer earns the bonus on
/// their confirmed tasks, including any confirmed before this was heard.
/// </summary>
public sealed record RecordReferrer(string UserId, string ReferrerId) : ICommand<Result>;

public sealed class RecordReferrerHandler(IReferrals referrals, ReferralBonuses bonuses) : ICommandHandler<RecordReferrer, Result>
{
    public async ValueTask<Result> Handle(RecordReferrer command, CancellationToken cancellationToken)
    {
        if (command.UserId == command.ReferrerId) return Result.Success();
        // Recorded before the look back, so a confirmation running alongside either sees the referral or is seen here.
        await referrals.RecordAsync(command.UserId, command.ReferrerId, cancellationToken);
        if (await referrals.ReferrerOfAsync(command.UserId, cancellationToken) is { } referrer)
            await bonuses.PayForEarlierTasksAsync(command.UserId, referrer, cancellationToken);
        return Result.Success();
    }
}
