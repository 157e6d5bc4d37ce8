namespace EpicEvents.Crm.Common;

/// <summary>
/// Marks a use case: one action of the product, taking the acting collaborator and answering a
/// <see cref="Result{T}"/>. Registered in the container by <see cref="CrmServiceCollectionExtensions"/>.
/// </summary>
public interface IUseCase;
