using Dashboard.Server.Data;
using Dashboard.Server.Storage;
using Dashboard.Server.Errors;
using Dashboard.Server.Persistence;
using Dashboard.Server.Security;
using Dashboard.Server.Training;
using Dashboard.Shared.Billing;
using Dashboard.Shared.Models;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Models;

/// <summary>Create, read, update and delete custom models, always within one organization.</summary>
public sealed class ModelService(DashboardDbContext db, ModelMapper mapper, ModelVersionsReader versions, IBlobStorage storage, TrainingScheduler scheduler, ModelStatusReader statusReader, TimeProvider clock)
    : IModelStatusCheck
{
    public async Task<ModelDto> CreateAsync(int organizationId, CreateModelRequest request, CancellationToken ct)
    {
        var name = ModelValidation.Name(request.Name);
        var language = ModelValidation.Language(request.Language ?? "en");
        var baseModel = ModelValidation.BaseModel(request.BaseModel ?? BaseModels.General);
        var description = ModelValidation.Description(request.Description);
        var organization = await db.Organizations.FirstAsync(o => o.Id == organizationId, ct);
        if (Plans.CustomModelLimit(organization.Plan) is { } limit
            && await db.CustomModels.CountAsync(m => m.OrganizationId == organizationId, ct) >= limit)
            throw ApiErrors.ModelLimitExceeded(organization.Plan, limit);
        var now = clock.GetUtcNow();
        var model = new CustomModel
        {
            OrganizationId = organizationId, Name = name, Language = language, BaseModel = baseModel,
            Description = description, CreatedAt = now, UpdatedAt = now,
        };
        db.CustomModels.Add(model);
        await db.SaveChangesAsync(ct);
        return mapper.ToDto(model, [], ModelVersions.None);
    }

    public async Task<ModelListResponse> ListAsync(int organizationId, int page, int perPage, TrainingStatus? status, CancellationToken ct)
    {
        Paging.Validate(page, perPage);
        if (status is { } filter && !Enum.IsDefined(filter))
            throw ApiErrors.Validation("training_status", "training_status must be 1, 2, 3, 4 or 5.");
        var query = db.CustomModels.AsNoTracking().Where(m => m.OrganizationId == organizationId);
        if (status is { } s) query = query.Where(m => m.TrainingStatus == s);
        var total = await query.CountAsync(ct);
        var skip = (long)(page - 1) * perPage; // in long: page 2^31-1 must not wrap round to the first page
        var models = skip >= total ? [] : await query.OrderByDescending(m => m.Id).Skip((int)skip).Take(perPage)
            .Include(m => m.Files).AsSplitQuery().ToListAsync(ct);
        var modelVersions = await versions.ForAsync(models, ct);
        var items = models.Select(m => mapper.ToDto(m, m.Files, modelVersions[m.Id])).ToList();
        return new ModelListResponse(items, page, perPage, total);
    }

    /// <summary>The status check that clients poll: answered from <see cref="ModelStatusCache"/> while the model is unchanged.</summary>
    public Task<ModelDto> GetAsync(int organizationId, int id, CancellationToken ct) =>
        statusReader.GetAsync(organizationId, id, () => LoadAsync(organizationId, id, ct));

    /// <summary>The model as stored now, or null if this organization has no such model (no cache).</summary>
    public async Task<ModelDto?> LoadAsync(int organizationId, int id, CancellationToken ct)
    {
        var model = await db.CustomModels.AsNoTracking().Include(m => m.Files)
            .FirstOrDefaultAsync(m => m.Id == id && m.OrganizationId == organizationId, ct);
        return model is null ? null : await ToDtoAsync(model, ct);
    }

    public async Task<ModelDto> UpdateAsync(int organizationId, int id, UpdateModelRequest request, CancellationToken ct)
    {
        var model = await FindTrackedAsync(organizationId, id, ct);
        if (request is { Name: null, Description: null, BaseModel: null, Language: null })
            throw ApiErrors.Validation("body", "Send at least one of name, description, base_model and language.");
        if (request.Name is not null) model.Name = ModelValidation.Name(request.Name);
        if (request.Description is not null) model.Description = ModelValidation.Description(request.Description);
        if (request.BaseModel is not null || request.Language is not null)
        {
            if (model.TrainingStatus == TrainingStatus.Running)
                throw ApiErrors.Conflict(id, "The base model and language cannot change while training runs.");
            if (request.BaseModel is not null) model.BaseModel = ModelValidation.BaseModel(request.BaseModel);
            if (request.Language is not null) model.Language = ModelValidation.Language(request.Language);
        }
        model.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(model, ct);
    }

    public async Task DeleteAsync(int organizationId, int id, CancellationToken ct)
    {
        var model = await FindTrackedAsync(organizationId, id, ct);
        await scheduler.UnscheduleAsync(id, ct);
        db.CustomModels.Remove(model);
        await db.SaveChangesAsync(ct);
        storage.DeleteFolder(BlobKeys.ModelFolder(id));
    }

    public async Task<ModelDto> ToDtoAsync(CustomModel model, CancellationToken ct)
    {
        var files = model.Files.Count > 0 ? model.Files : await db.DataFiles.AsNoTracking().Where(f => f.ModelId == model.Id).ToListAsync(ct);
        return mapper.ToDto(model, files, await versions.ForAsync(model, ct));
    }

    /// <summary>The model, tracked, within the organization (see <see cref="CustomModelLookup"/>).</summary>
    public Task<CustomModel> FindTrackedAsync(int organizationId, int id, CancellationToken ct) => db.FindModelAsync(organizationId, id, ct);
}
