namespace Platform.Domain;

/// <summary>
/// An aggregate refused a change that breaks one of its rules; the message names the rule in the caller's terms. The
/// rule lives in the aggregate alone: the HTTP edge answers every such refusal with a 400 and the reference's error
/// body, so no handler catches it and turns it into an error by hand.
/// </summary>
public class DomainRuleException(string message) : Exception(message);
