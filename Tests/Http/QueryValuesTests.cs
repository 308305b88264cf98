using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
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

    [Theory]
    [InlineData(" random")]
    [InlineData("random ")]
    [InlineData("random\n")]
    [InlineData("random\0")]
    [InlineData("r\u0430ndom")]
    public void ParseStrategy_NameWithAnythingAround_ThrowsNamingTheParameter(string text)
    {
        var exception = Assert.Throws<HttpInputException>(() => QueryValues.ParseStrategy(text));

        Assert.Equal("strategy", exception.Field);
    }

    [Theory]
    [InlineData("trace", "a\0", "trace")]
    [InlineData("trace", "a\r\nb", "trace")]
    [InlineData("tr\u0001ace", "a", "query")]
    public void RefuseControlCharacters_AnyParameter_ThrowsNamingIt(string name, string value, string field)
    {
        var query = new QueryCollection(new Dictionary<string, StringValues> { ["healthy"] = "true", [name] = value });

        var exception = Assert.Throws<HttpInputException>(() => QueryValues.RefuseControlCharacters(query));

        Assert.Equal(field, exception.Field);
        Assert.Equal(400, exception.StatusCode);
    }

    [Fact]
    public void RefuseControlCharacters_OrdinaryParameters_Pass()
    {
        QueryValues.RefuseControlCharacters(new QueryCollection(new Dictionary<string, StringValues> { ["index"] = "7", ["wait"] = "30s", ["note"] = "zürich" }));
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
    [InlineData("1\0", "1s", "index")]
    [InlineData("1 ", "1s", "index")]
    [InlineData(" 1", "1s", "index")]
    [InlineData("+1", "1s", "index")]
    [InlineData("\uff11", "1s", "index")]
    [InlineData("", "1s", "index")]
    [InlineData("1", "1s\0", "wait")]
    [InlineData("1", " 1s", "wait")]
    [InlineData("1", "1s\n", "wait")]
    public void ParseBlockingQuery_BadValues_ThrowNamingTheParameter(string index, string wait, string field)
    {
        var exception = Assert.Throws<HttpInputException>(() => QueryValues.ParseBlockingQuery(index, wait));

        Assert.Equal(field, exception.Field);
    }
}
