using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Platform.Api.Binding;

/// <summary>Paging of every list: page from 1; limit from 1, any limit above 100 taken as 100; huge values saturate.</summary>
public record PageQuery
{
    [JsonPropertyName("page"), Range(1, int.MaxValue), Saturating, DefaultValue(1), Description("1-based page; a page past the end is empty.")]
    public int? Page { get; init; }

    [JsonPropertyName("limit"), Range(1, int.MaxValue), Saturating, DefaultValue(Platform.Application.Paging.PageRequest.DefaultLimit)]
    [Description("Items per page; above 100 is taken as 100.")]
    public int? Limit { get; init; }

    public Platform.Application.Paging.PageRequest ToPage() =>
        new(Page ?? 1, Math.Min(Limit ?? Platform.Application.Paging.PageRequest.DefaultLimit, Platform.Application.Paging.PageRequest.MaxLimit));
}
