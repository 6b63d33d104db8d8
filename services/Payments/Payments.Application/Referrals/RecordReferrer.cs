using Mediator;
using Payments.Application.Ports;
using Platform.Application.Results;

namespace Payments.Application.Referrals;

/// <summary>A user signed up through another's referral link (UserRegistered's referrer_id): the referrer earns the bonus on their confirmed tasks.</summary>
public sealed record RecordReferrer(string UserId, string ReferrerId) : ICommand<Result>;

public sealed class RecordReferrerHandler(IReferrals referrals) : ICommandHandler<RecordReferrer, Result>
{
    public async ValueTask<Result> Handle(RecordReferrer command, CancellationToken cancellationToken)
    {
        if (command.UserId != command.ReferrerId) await referrals.RecordAsync(command.UserId, command.ReferrerId, cancellationToken);
        return Result.Success();
    }
}
