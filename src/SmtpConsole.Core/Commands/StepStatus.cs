namespace SmtpConsole.Core.Commands;

/// <summary>How one line turned out, in the terms exit codes are made of.</summary>
public enum StepStatus
{
    /// <summary>Done (a raw command got a reply, whatever its code; a helper succeeded; or nothing needed doing).</summary>
    Ok,
    /// <summary>A helper did not get what it needed (e.g. AUTH refused, STARTTLS refused, no reply).</summary>
    Failed,
    /// <summary>An <c>/expect</c> or an <c>S:</c> line did not hold.</summary>
    ExpectationFailed,
    /// <summary>The line itself is wrong (unknown helper, bad arguments, missing secret or file).</summary>
    UsageError,
    /// <summary>Could not connect or secure the connection.</summary>
    ConnectionFailed,
}
