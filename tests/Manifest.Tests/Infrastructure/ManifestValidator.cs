namespace EpicEvents.Manifest.Tests.Infrastructure;

/// <summary>manifest/validate.cjs: npm <c>@microsoft/app-manifest</c> checking a manifest against its bundled schema, offline.</summary>
public static class ManifestValidator
{
    public static Task<ProgramRun> ValidateAsync(string manifestPath) =>
        ProgramRun.RunAsync(Repository.Node(), [Repository.Validator, manifestPath], Path.GetDirectoryName(manifestPath)!);

    /// <summary>Writes <paramref name="manifestJson"/> to a file of its own in <paramref name="directory"/> and validates it.</summary>
    public static async Task<ProgramRun> ValidateAsync(string manifestJson, string directory)
    {
        var path = Path.Combine(directory, $"manifest-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, manifestJson);
        return await ValidateAsync(path);
    }
}
