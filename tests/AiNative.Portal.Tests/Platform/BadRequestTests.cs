using System.Net;
using System.Net.Http.Json;
using System.Text;
using AiNative.Portal.Client.Contracts;
using AiNative.Testing;

namespace AiNative.Portal.Tests.Platform;

public sealed class BadRequestTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        await _portal.CreateAdministratorAsync();
        _client = await _portal.SignInAsync();
    }

    public ValueTask DisposeAsync()
    {
        _portal.Dispose();
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"teamId\": \"not-a-guid\"}")]
    public async Task An_unreadable_body_answers_400_with_a_problem_that_says_why(string body)
    {
        var response = await _client.PostAsync(
            "/api/session/team", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ApiProblem>(PortalJson.Options, TestContext.Current.CancellationToken);
        Assert.Equal("The request could not be read", problem?.Title);
        Assert.Contains("JSON", problem?.Detail);
    }

    [Fact]
    public async Task An_upload_whose_multipart_part_header_is_malformed_answers_400_that_names_the_multipart_body()
    {
        var team = await _portal.DemoTeamIdAsync();
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(
            "--edge\r\nContent-Disposition form-data; name=\"index\"\r\n\r\nPortal handbook\r\n--edge--\r\n"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=edge");

        var response = await _client.PostAsync($"/api/teams/{team}/knowledge/upload", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ApiProblem>(PortalJson.Options, TestContext.Current.CancellationToken);
        Assert.Contains("The multipart body could not be read", problem!.Errors!["Files"].Single());
    }
}
