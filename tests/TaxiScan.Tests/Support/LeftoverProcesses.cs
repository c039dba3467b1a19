namespace TaxiScan.Tests.Support;

/// <summary>Finds the processes of one tagged run (<see cref="TaxiScanRun.RunTagVariable"/>) that are still alive.</summary>
internal static class LeftoverProcesses
{
    public static List<int> Of(string runTag)
    {
        var marker = $"{TaxiScanRun.RunTagVariable}={runTag}";
        var found = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(dir, "environ")).Split('\0').Contains(marker))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or not ours to read.
            }
        }

        return found;
    }
}
