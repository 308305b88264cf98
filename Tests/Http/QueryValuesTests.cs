using OrleansRegistry.Model;
using OrleansRegistry.Silo.Http;

namespace OrleansRegistry.Tests.Http;

public sealed class QueryValuesTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("", true)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    public void ParseFlag_ValidValues_Parse(string? text, bool expected)
    {
        Assert.Equal(expected, QueryValues.ParseFlag(text, "healthy"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("yes")]
    [InlineData(" true")]
    public void ParseFlag_OtherValues_ThrowNamingTheParameter(string text)
    {
        var exception = Assert.Throws<HttpInputException>(() => QueryValues.ParseFlag(text, "healthy"));

        Assert.Equal("healthy", exception.Field);
        Assert.Equal(400, exception.StatusCode);
    }

    [Theory]
    [InlineData(null, LoadBalancingStrategy.RoundRobin)]
    [InlineData("", LoadBalancingStrategy.RoundRobin)]
    [InlineData("least_connections", LoadBalancingStrategy.LeastConnections)]
    [InlineData("Weighted_Round_Robin", LoadBalancingStrategy.WeightedRoundRobin)]
    public void ParseStrategy_KnownNames_Parse(string? text, LoadBalancingStrategy expected)
    {
        Assert.Equal(expected, QueryValues.ParseStrategy(text));
    }

    [Fact]
    public void ParseBlockingQuery_NoIndex_IsNotBlocking()
    {
        Assert.Null(QueryValues.ParseBlockingQuery(null, "10s"));
    }

    [Fact]
    public void ParseBlockingQuery_IndexWithoutWait_WaitsTheDefault()
    {
        Assert.Equal(new BlockingQuery(7, HttpApiLimits.DefaultWait), QueryValues.ParseBlockingQuery("7", null));
    }

    [Fact]
    public void ParseBlockingQuery_WaitAboveMaximum_IsClamped()
    {
        Assert.Equal(new BlockingQuery(7, HttpApiLimits.MaxWait), QueryValues.ParseBlockingQuery("7", "1h"));
    }

    [Theory]
    [InlineData("-1", "1s", "index")]
    [InlineData("1.5", "1s", "index")]
    [InlineData("99999999999999999999", "1s", "index")]
    [InlineData("1", "1", "wait")]
    [InlineData("1", "soon", "wait")]
    [InlineData("1", "-1s", "wait")]
    public void ParseBlockingQuery_BadValues_ThrowNamingTheParameter(string index, string wait, string field)
    {
        var exception = Assert.Throws<HttpInputException>(() => QueryValues.ParseBlockingQuery(index, wait));

        Assert.Equal(field, exception.Field);
    }
}
