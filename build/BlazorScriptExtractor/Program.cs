using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

// Copies one manifest resource out of an assembly without loading it:
// BlazorScriptExtractor ASSEMBLY RESOURCE_NAME OUTPUT_FILE
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: BlazorScriptExtractor ASSEMBLY RESOURCE_NAME OUTPUT_FILE");
    return 2;
}
var (assemblyPath, resourceName, outputPath) = (args[0], args[1], args[2]);
using var stream = File.OpenRead(assemblyPath);
using var pe = new PEReader(stream);
var metadata = pe.GetMetadataReader();
var resourcesDirectory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
foreach (var handle in metadata.ManifestResources)
{
    var resource = metadata.GetManifestResource(handle);
    if (metadata.GetString(resource.Name) != resourceName) continue;
    // Embedded resources sit in the CLI resources directory: a 4-byte length, then the bytes.
    var reader = pe.GetSectionData(resourcesDirectory.RelativeVirtualAddress).GetReader();
    reader.Offset = (int)resource.Offset;
    var bytes = reader.ReadBytes(reader.ReadInt32());
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
    File.WriteAllBytes(outputPath, bytes);
    return 0;
}
Console.Error.WriteLine($"Resource {resourceName} not found in {assemblyPath}");
return 1;
