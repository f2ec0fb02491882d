using System.Security.Cryptography;
using System.Text;
using Collaboration.Domain.Common;

namespace Collaboration.Domain.Imports;

public enum ImportJobStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>A problem with one row of an imported file, by the line a person sees in a text editor (the header is line 1).</summary>
public sealed record ImportRowError(int Line, string Column, string Message);
