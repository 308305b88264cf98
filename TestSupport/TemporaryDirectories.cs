namespace OrleansRegistry.TestSupport;

/// <summary>Removal of the temporary folders the test servers work in.</summary>
internal static class TemporaryDirectories
{
    public static void DeleteQuietly(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise: a file the server left with other permissions.
        }
    }
}
