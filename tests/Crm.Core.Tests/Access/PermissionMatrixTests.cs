using EpicEvents.Crm.Access;
using static EpicEvents.Crm.Access.CrmAction;
using static EpicEvents.Crm.Access.Department;
using static EpicEvents.Crm.Access.Reach;

namespace EpicEvents.Crm.Tests.Access;

/// <summary>SPEC §2, cell by cell: each row reads "department may do action on what".</summary>
public sealed class PermissionMatrixTests
{
    [Theory]
    // Create / update / deactivate / reactivate collaborators, reset a password, link a Teams identity
    [InlineData(ManageCollaborators, Management, All)]
    [InlineData(ManageCollaborators, Sales, None)]
    [InlineData(ManageCollaborators, Support, None)]
    // Create / rename / delete roles
    [InlineData(ManageRoles, Management, All)]
    [InlineData(ManageRoles, Sales, None)]
    [InlineData(ManageRoles, Support, None)]
    // Create a client (Management names a Sales contact; Sales becomes the contact)
    [InlineData(CreateClient, Management, All)]
    [InlineData(CreateClient, Sales, Own)]
    [InlineData(CreateClient, Support, None)]
    // Update a client
    [InlineData(UpdateClient, Management, All)]
    [InlineData(UpdateClient, Sales, Own)]
    [InlineData(UpdateClient, Support, None)]
    // Reassign a client's sales contact
    [InlineData(ReassignClient, Management, All)]
    [InlineData(ReassignClient, Sales, None)]
    [InlineData(ReassignClient, Support, None)]
    // Delete a client (only with no contracts)
    [InlineData(DeleteClient, Management, All)]
    [InlineData(DeleteClient, Sales, None)]
    [InlineData(DeleteClient, Support, None)]
    // Create a contract (Sales: own clients, as Draft)
    [InlineData(CreateContract, Management, All)]
    [InlineData(CreateContract, Sales, Own)]
    [InlineData(CreateContract, Support, None)]
    // Update a contract's amounts (Sales: own, while not Cancelled)
    [InlineData(UpdateContractAmounts, Management, All)]
    [InlineData(UpdateContractAmounts, Sales, Own)]
    [InlineData(UpdateContractAmounts, Support, None)]
    // Request signature
    [InlineData(RequestSignature, Management, All)]
    [InlineData(RequestSignature, Sales, Own)]
    [InlineData(RequestSignature, Support, None)]
    // Sign, or approve/reject a signature request
    [InlineData(SignContract, Management, All)]
    [InlineData(SignContract, Sales, None)]
    [InlineData(SignContract, Support, None)]
    // Cancel a contract
    [InlineData(CancelContract, Management, All)]
    [InlineData(CancelContract, Sales, None)]
    [InlineData(CancelContract, Support, None)]
    // Create an event (contract must be Signed)
    [InlineData(CreateEvent, Management, All)]
    [InlineData(CreateEvent, Sales, Own)]
    [InlineData(CreateEvent, Support, None)]
    // Update an event (Support: own; dates, location, attendees, notes)
    [InlineData(UpdateEvent, Management, All)]
    [InlineData(UpdateEvent, Sales, None)]
    [InlineData(UpdateEvent, Support, Own)]
    // Assign / reassign / unassign support
    [InlineData(AssignSupport, Management, All)]
    [InlineData(AssignSupport, Sales, None)]
    [InlineData(AssignSupport, Support, None)]
    // Acknowledge a support assignment (the assigned support contact only)
    [InlineData(AcknowledgeSupport, Management, None)]
    [InlineData(AcknowledgeSupport, Sales, None)]
    [InlineData(AcknowledgeSupport, Support, Own)]
    // See and retry notification deliveries
    [InlineData(ManageNotifications, Management, All)]
    [InlineData(ManageNotifications, Sales, None)]
    [InlineData(ManageNotifications, Support, None)]
    // Delete an event
    [InlineData(DeleteEvent, Management, All)]
    [InlineData(DeleteEvent, Sales, None)]
    [InlineData(DeleteEvent, Support, None)]
    // Read the audit trail (Sales: own records; Support: own events)
    [InlineData(ReadAuditTrail, Management, All)]
    [InlineData(ReadAuditTrail, Sales, Own)]
    [InlineData(ReadAuditTrail, Support, Own)]
    // Every collaborator reads all clients, contracts, events and the staff directory
    [InlineData(ReadRecords, Management, All)]
    [InlineData(ReadRecords, Sales, All)]
    [InlineData(ReadRecords, Support, All)]
    // Collaborators by department: inactive ones for Management only
    [InlineData(ReadInactiveCollaborators, Management, All)]
    [InlineData(ReadInactiveCollaborators, Sales, None)]
    [InlineData(ReadInactiveCollaborators, Support, None)]
    [InlineData(ChooseOwnSettings, Management, Own)]
    [InlineData(ChooseOwnSettings, Sales, Own)]
    [InlineData(ChooseOwnSettings, Support, Own)]
    // Digests: Management anyone's, Sales and Support their own
    [InlineData(ReadDigest, Management, All)]
    [InlineData(ReadDigest, Sales, Own)]
    [InlineData(ReadDigest, Support, Own)]
    public void The_matrix_gives_each_department_exactly_the_reach_of_the_spec(CrmAction action, Department department, Reach expected) =>
        PermissionMatrix.For(department, action).Should().Be(expected);

    [Fact]
    public void Every_action_has_a_row_and_a_description()
    {
        foreach (var action in Enum.GetValues<CrmAction>())
        {
            // An action missing from the table would give every department None.
            new[] { Management, Sales, Support }.Should().Contain(d => PermissionMatrix.For(d, action) != None, because: $"{action} needs a row in the matrix");
            PermissionMatrix.Describe(action).Should().NotBe("do this", because: $"{action} needs a description");
        }
    }

    [Fact]
    public void An_unknown_department_has_no_rights_at_all()
    {
        foreach (var action in Enum.GetValues<CrmAction>())
        {
            PermissionMatrix.For(Unknown, action).Should().Be(None, because: $"{action} must fail closed");
        }
    }

    [Fact]
    public void An_inactive_collaborator_has_no_rights_even_in_management()
    {
        var former = new Actor(1, "Former Boss", Management, IsActive: false, MustChangePassword: false, ChangeSource.Cli);

        foreach (var action in Enum.GetValues<CrmAction>())
        {
            PermissionMatrix.For(former, action).Should().Be(None);
        }

        PermissionMatrix.Check(former, ReadRecords, out _)!.Message!.ToString().Should().Contain("deactivated");
    }

    [Fact]
    public void A_temporary_password_allows_nothing_but_changing_it()
    {
        var newcomer = new Actor(1, "New Hire", Management, IsActive: true, MustChangePassword: true, ChangeSource.Cli);

        PermissionMatrix.For(newcomer, ChangeOwnPassword).Should().Be(Own);
        PermissionMatrix.For(newcomer, ReadRecords).Should().Be(None);
        PermissionMatrix.Check(newcomer, ManageCollaborators, out _)!.Message!.ToString().Should().Contain("temporary password");
    }

    [Fact]
    public void A_refusal_names_the_action_and_the_department_and_nothing_else()
    {
        var support = new Actor(7, "Sarah Support", Support, IsActive: true, MustChangePassword: false, ChangeSource.Bot);

        var refusal = PermissionMatrix.Check(support, DeleteClient, out _);

        refusal!.Message!.ToString().Should().Be("The Support department cannot delete a client.");
    }
}
