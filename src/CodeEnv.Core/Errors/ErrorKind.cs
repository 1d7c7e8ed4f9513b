namespace CodeEnv.Errors
{
    /// <summary>What went wrong, in terms a caller can act on; the cmdlets map each kind to a PowerShell ErrorCategory.</summary>
    public enum ErrorKind
    {
        InvalidArgument,
        AlreadyExists,
        NotFound,
        Busy,
        InvalidData,
        PermissionDenied,
        OperationFailed,
        Stopped,
        /// <summary>The operation does not apply to this object (a package command on a registered venv).</summary>
        InvalidOperation,
        /// <summary>The caller reached a limit of the service of a served root (message size, connections, operations).</summary>
        LimitExceeded,
    }
}
