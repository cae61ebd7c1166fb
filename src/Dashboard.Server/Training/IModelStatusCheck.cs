using Dashboard.Shared.Models;

namespace Dashboard.Server.Training;

/// <summary>
/// A model as its status check (GET /custom_models/{id}) shows it, which Models/ builds from the aggregate; canceling
/// answers with it. Declared here and implemented by Models/ModelService, so that Training/ does not use Models/.
/// </summary>
public interface IModelStatusCheck
{
    Task<ModelDto> GetAsync(int organizationId, int id, CancellationToken ct);
}
