using System;
using System.Management.Automation;
using CodeEnv.Errors;

namespace CodeEnv.Cmdlets.Infrastructure
{
    /// <summary>Turns engine errors into ErrorRecords: the one place that maps an ErrorKind to a PowerShell category.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(CodeEnvException e) =>
            new ErrorRecord(e, e.ErrorId, Category(e.Kind), e.Target);

        public static ErrorRecord InvalidArgument(string errorId, string message, object? target) =>
            new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);

        /// <summary>
        /// A confirmation the session cannot ask for: the host threw <paramref name="hostError"/> instead of asking. It ends
        /// the call, since no later item could be confirmed either.
        /// </summary>
        public static ErrorRecord ConfirmationNotPossible(string cmdlet, string question, string fix, Exception hostError, object? target) =>
            new ErrorRecord(
                new InvalidOperationException(
                    $"{cmdlet} needs confirmation for {question}, and this session cannot ask for it: it is non-interactive (pwsh -NonInteractive, or its input is closed). To run it unattended, {fix}; -WhatIf shows what it would do. (The host said: {hostError.Message})",
                    hostError),
                "ConfirmationNotPossible",
                ErrorCategory.InvalidOperation,
                target);

        /// <summary>An exception the engine did not anticipate: still a clean record, never a raw stack trace.</summary>
        public static ErrorRecord Unexpected(Exception e, object? target) =>
            new ErrorRecord(e, "CodeEnvUnexpectedError", ErrorCategory.NotSpecified, target)
            {
                ErrorDetails = new ErrorDetails($"CodeEnv failed unexpectedly: {e.GetType().Name}: {e.Message}"),
            };

        private static ErrorCategory Category(ErrorKind kind)
        {
            switch (kind)
            {
                case ErrorKind.InvalidArgument: return ErrorCategory.InvalidArgument;
                case ErrorKind.AlreadyExists: return ErrorCategory.ResourceExists;
                case ErrorKind.NotFound: return ErrorCategory.ObjectNotFound;
                case ErrorKind.Busy: return ErrorCategory.ResourceBusy;
                case ErrorKind.InvalidData: return ErrorCategory.InvalidData;
                case ErrorKind.PermissionDenied: return ErrorCategory.PermissionDenied;
                case ErrorKind.Stopped: return ErrorCategory.OperationStopped;
                case ErrorKind.InvalidOperation: return ErrorCategory.InvalidOperation;
                case ErrorKind.LimitExceeded: return ErrorCategory.LimitsExceeded;
                default: return ErrorCategory.InvalidOperation;
            }
        }
    }
}
