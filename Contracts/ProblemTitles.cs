namespace OrleansRegistry.Contracts;

/// <summary>Problem-details titles a caller tells apart: a <c>select</c>'s 503 means "none eligible" only with this title.</summary>
public static class ProblemTitles
{
    public const string NoHealthyInstance = "No healthy instance";
}
