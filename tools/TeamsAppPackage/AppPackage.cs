using System.IO.Compression;
using System.Text;

namespace EpicEvents.TeamsAppPackage;

/// <summary>
/// The Teams app package: a zip holding exactly <c>manifest.json</c> (the template filled from the
/// configuration), <c>color.png</c> and <c>outline.png</c>, all at its root.
/// </summary>
public static class AppPackage
{
    public const string ManifestFile = "manifest.json";
    public const string ColorIconFile = "color.png";
    public const string OutlineIconFile = "outline.png";

    /// <summary>Writes the package to <paramref name="outputPath"/>, replacing it whole or not at all.</summary>
    public static void Write(string manifestDirectory, AppPackageSettings settings, string outputPath)
    {
        var manifest = ManifestTemplate.Fill(File.ReadAllText(Path.Combine(manifestDirectory, ManifestFile)), settings.Placeholders());
        var icons = new[] { ColorIconFile, OutlineIconFile }
            .Select(name => (Name: name, Path: Path.Combine(manifestDirectory, name)))
            .ToList();
        if (icons.FirstOrDefault(icon => !File.Exists(icon.Path)) is { Path: { } missing })
        {
            throw new FileNotFoundException($"{missing} is missing: the package needs both icons (tools/TeamsAppPackage draw-icons draws them).", missing);
        }

        var output = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var partial = output + ".partial";
        File.Delete(partial);
        try
        {
            using (var zip = ZipFile.Open(partial, ZipArchiveMode.Create))
            {
                using (var writer = new StreamWriter(zip.CreateEntry(ManifestFile, CompressionLevel.Optimal).Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                {
                    writer.Write(manifest);
                }

                foreach (var (name, path) in icons)
                {
                    zip.CreateEntryFromFile(path, name, CompressionLevel.Optimal);
                }
            }

            File.Move(partial, output, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
