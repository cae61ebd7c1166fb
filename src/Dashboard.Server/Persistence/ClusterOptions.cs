using System.ComponentModel.DataAnnotations;

namespace Dashboard.Server.Persistence;

/// <summary>Scale-out (Database:Provider=postgres): every node runs the same program against one database and one storage folder.</summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>This node's name in the Quartz cluster; empty means host name and process id, distinct per process.</summary>
    public string NodeId { get; set; } = "";

    /// <summary>How often a node records that it is alive; a node silent for about twice this plus 7.5 s is taken as dead and its runs move.</summary>
    [Range(1, 300)] public double CheckinIntervalSeconds { get; set; } = 7.5;

    public static string NodeIdOf(IConfiguration configuration) =>
        configuration[$"{Section}:NodeId"] is { Length: > 0 } id ? id : $"{Environment.MachineName}-{Environment.ProcessId}";
}
