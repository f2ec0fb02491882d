namespace Collaboration.Addin.Try;

/// <summary>An address the landing page and run.sh list, with what it is in English and Chinese.</summary>
public sealed record LandingLink(string English, string Chinese, string Url);
