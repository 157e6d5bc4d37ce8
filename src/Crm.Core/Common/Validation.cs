using EpicEvents.Crm.Presentation;


namespace EpicEvents.Crm.Common;

/// <summary>Collects field errors of one request so that all of them are reported at once.</summary>
internal sealed class Validation
{
    private readonly List<FieldError> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public Failure Failure => Failure.Invalid(_errors.ToArray());

    public Validation Check(string field, Text? error)
    {
        if (error is not null && _errors.TrueForAll(e => e.Field != field))
        {
            _errors.Add(new FieldError(field, error));
        }

        return this;
    }

    public bool Has(string field) => _errors.Exists(e => e.Field == field);
}
