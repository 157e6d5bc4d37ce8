using System.Reflection;
using EpicEvents.Bot.Dialogs;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Tests;

/// <summary>
/// The forms' inputs are Crm.Core's fields, so that an error Crm.Core reports on a field shows under
/// the input of that name; only the event form's dates and times are inputs of the form's own.
/// </summary>
public sealed class FormFieldNamesTests
{
    private static readonly HashSet<string> Declared = typeof(FieldNames).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    private static readonly string[] EventFormInputs = [EventFields.StartDate, EventFields.StartTime, EventFields.EndDate, EventFields.EndTime];

    [Fact]
    public void Every_input_of_the_forms_is_a_field_crm_core_declares_or_an_event_date_or_time()
    {
        var inputs = ClientFields.For(Wording.English, required: true)
            .Concat(ContractFields.Amounts(Wording.English))
            .Concat(EventFields.For(Wording.English, withActualAttendees: true))
            .Select(f => f.Id)
            .ToList();

        inputs.Should().NotBeEmpty();
        inputs.Where(id => !Declared.Contains(id) && !EventFormInputs.Contains(id)).Should().BeEmpty();
        EventFormInputs.Where(Declared.Contains).Should().BeEmpty("an input of the form's own is not a Crm.Core field");
    }

    [Fact]
    public void Each_field_of_an_event_goes_to_an_input_of_the_event_form()
    {
        var inputs = EventFields.For(Wording.English, withActualAttendees: true).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        string[] eventFields = [FieldNames.Name, FieldNames.StartsAt, FieldNames.EndsAt, FieldNames.Location, FieldNames.ExpectedAttendees, FieldNames.ActualAttendees, FieldNames.Notes];

        eventFields.Where(field => !inputs.Contains(EventFields.InputFor(field))).Should().BeEmpty();
    }
}
