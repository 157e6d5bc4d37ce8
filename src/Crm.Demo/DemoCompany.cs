using System.Text;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Roles;
using EpicEvents.Crm.Signatures;

namespace EpicEvents.Crm.Demo;

/// <summary>The records of one batch of clients, with their ids already given.</summary>
internal sealed class DemoBatch
{
    public List<Client> Clients { get; } = [];

    public List<Contract> Contracts { get; } = [];

    public List<SignatureRequest> SignatureRequests { get; } = [];

    public List<Event> Events { get; } = [];
}

/// <summary>Where the demo company's new records take their ids from.</summary>
internal sealed record DemoKeys(
    TableWriter<Collaborator> Collaborators,
    TableWriter<Client> Clients,
    TableWriter<Contract> Contracts,
    TableWriter<SignatureRequest> SignatureRequests,
    TableWriter<Event> Events);

/// <summary>
/// Invents a plausible events company, one batch of clients at a time, from one random source so
/// that a seed gives the same company again. The first records follow a fixed plan, so that even a
/// small company shows every contract status and events with and without support. Dates are drawn
/// relative to the start of <c>today</c> (UTC): clients over the past two years, events up to 90 days ahead.
/// </summary>
internal sealed class DemoCompany
{
    private const string StaffDomain = "epicevents.local";

    private static readonly ContractStatus[] PlannedStatuses =
    [
        ContractStatus.Signed, ContractStatus.PendingSignature, ContractStatus.Draft, ContractStatus.Cancelled, ContractStatus.Signed, ContractStatus.Signed,
    ];

    private static readonly Payment[] PlannedPayments = [Payment.Full, Payment.Partial, Payment.None];

    private static readonly (EventStyle Style, bool Upcoming, bool Supported)[] PlannedEvents =
    [
        (EventStyle.Evening, true, true),
        (EventStyle.Seminar, true, false),
        (EventStyle.MultiDay, false, true),
        (EventStyle.Afternoon, false, true),
    ];

    private readonly Random _random;
    private readonly DemoKeys _keys;
    private readonly DateTime _today;
    private readonly Dictionary<string, int> _emailBases = new(StringComparer.Ordinal);
    private readonly HashSet<string> _takenStaffEmails;
    private readonly List<Collaborator> _managers = [];
    private readonly List<Collaborator> _sales = [];
    private readonly List<Collaborator> _support = [];
    private readonly Dictionary<ContractStatus, int> _contractsByStatus = Enum.GetValues<ContractStatus>().ToDictionary(s => s, _ => 0);
    private int _clients;
    private int _signedContracts;

    private readonly double? _unsignedShare;

    public DemoCompany(Random random, DemoKeys keys, DateTime today, IEnumerable<string> takenStaffEmails, int? unsignedPercent = null)
    {
        _random = random;
        _unsignedShare = unsignedPercent / 100.0;
        _keys = keys;
        _today = today;
        _takenStaffEmails = new HashSet<string>(takenStaffEmails, StringComparer.Ordinal);
        foreach (var featured in DemoNames.FeaturedClients)
        {
            _emailBases[featured.Email] = 1;
        }
    }

    private enum Payment
    {
        None,
        Partial,
        Full,
    }

    private enum EventStyle
    {
        Seminar,
        Evening,
        Afternoon,
        MultiDay,
    }

    public IReadOnlyDictionary<ContractStatus, int> ContractsByStatus => _contractsByStatus;

    public int SignatureRequests { get; private set; }

    public int Events { get; private set; }

    public int UpcomingEvents { get; private set; }

    public int EventsWithoutSupport { get; private set; }

    public IReadOnlyList<Collaborator> Managers => _managers;

    public IReadOnlyList<Collaborator> Sales => _sales;

    public IReadOnlyList<Collaborator> Support => _support;

    /// <summary>A few managers, one Sales per 40 clients and one Support per 60 (at least two each).</summary>
    private static (int Managers, int Sales, int Support) Staffing(int clients) =>
        (Math.Min(8, 3 + (clients / 25_000)), Math.Max(2, (clients + 39) / 40), Math.Max(2, (clients + 59) / 60));

    /// <summary>
    /// The staff, hired over the last five years, all with the same password already chosen (so
    /// that nobody must change it before the demo), plus one Support collaborator who has left.
    /// </summary>
    public List<Collaborator> HireStaff(int clients, IReadOnlyDictionary<Department, Role> roles, string passwordHash, bool temporaryPasswords)
    {
        var (managers, sales, support) = Staffing(clients);
        var hired = new List<Collaborator>(managers + sales + support + 1);
        Hire(managers, roles[Department.Management], _managers);
        Hire(sales, roles[Department.Sales], _sales);
        Hire(support, roles[Department.Support], _support);

        var former = NewCollaborator(roles[Department.Support]);
        former.Deactivate(Between(former.CreatedAt, _today.AddDays(-30)));
        hired.Add(former);
        return hired;

        void Hire(int count, Role role, List<Collaborator> team)
        {
            for (var i = 0; i < count; i++)
            {
                var collaborator = NewCollaborator(role);
                team.Add(collaborator);
                hired.Add(collaborator);
            }
        }

        Collaborator NewCollaborator(Role role)
        {
            var (first, last) = Person();
            var hiredAt = Between(_today.AddYears(-5), _today.AddDays(-60));
            var collaborator = _keys.Collaborators.Assign(new Collaborator($"{first} {last}", StaffEmail(first, last), role, passwordHash, hiredAt));
            collaborator.AssignEmployeeNumber();
            if (!temporaryPasswords)
            {
                collaborator.SetOwnPassword(passwordHash, hiredAt);
            }

            return collaborator;
        }
    }

    /// <summary>The next <paramref name="count"/> clients, their contracts, signature requests and events.</summary>
    public DemoBatch NextClients(int count)
    {
        var batch = new DemoBatch();
        for (var i = 0; i < count; i++)
        {
            var featured = _clients < DemoNames.FeaturedClients.Length;
            var client = _keys.Clients.Assign(featured ? FeaturedClient(_clients) : NewClient());
            _clients++;
            batch.Clients.Add(client);

            var contracts = ContractCount();
            for (var c = 0; c < (featured ? Math.Max(1, contracts) : contracts); c++)
            {
                AddContract(batch, client);
            }
        }

        return batch;
    }

    private Client FeaturedClient(int index)
    {
        var (fullName, email, phone, company) = DemoNames.FeaturedClients[index];

        // Long-standing clients, so that their contracts have a past as well as upcoming events.
        return new Client(fullName, email, FieldRules.NormalizePhone(phone), company, Pick(_sales), Between(_today.AddDays(-730), _today.AddDays(-400)));
    }

    private Client NewClient()
    {
        var english = _random.NextDouble() < 0.35;
        var (first, last) = english ? (Pick(DemoNames.EnglishFirstNames), Pick(DemoNames.EnglishLastNames)) : (Pick(DemoNames.FrenchFirstNames), Pick(DemoNames.FrenchLastNames));
        var company = english ? EnglishCompany() : FrenchCompany();
        var domain = Slug(company) + Pick(english ? DemoNames.EnglishDomains : DemoNames.FrenchDomains);
        var local = _random.Next(10) switch
        {
            < 6 => $"{Slug(first)}.{Slug(last)}",
            < 8 => $"{Slug(first)[0]}.{Slug(last)}",
            8 => Slug(first),
            _ => Slug(first) + Slug(last),
        };
        return new Client($"{first} {last}", UniqueEmail(local, domain), NewPhone(english), company, Pick(_sales), Between(_today.AddDays(-730), _today.AddDays(-1)));
    }

    private void AddContract(DemoBatch batch, Client client)
    {
        var planned = _contractsByStatus.Values.Sum();
        var status = planned < PlannedStatuses.Length ? PlannedStatuses[planned] : RandomStatus();
        var total = Amount();
        var payment = status switch
        {
            ContractStatus.Signed when _signedContracts < PlannedPayments.Length => PlannedPayments[_signedContracts],
            ContractStatus.Signed => _random.NextDouble() switch { < 0.40 => Payment.Full, < 0.75 => Payment.Partial, _ => Payment.None },
            ContractStatus.Cancelled => _random.NextDouble() < 0.3 ? Payment.Partial : Payment.None,
            _ => _random.NextDouble() < 0.2 ? Payment.Partial : Payment.None,
        };
        var due = payment switch
        {
            Payment.Full => 0m,
            Payment.Partial => PartOf(total),
            _ => total,
        };

        var createdAt = Between(client.CreatedAt, _today);
        var contract = _keys.Contracts.Assign(new Contract(client, total, due, createdAt));
        var salesContact = client.SalesContact!;
        batch.Contracts.Add(contract);
        _contractsByStatus[status]++;
        switch (status)
        {
            case ContractStatus.PendingSignature:
            {
                var requestedAt = Between(createdAt, Earliest(createdAt.AddDays(14), _today));
                contract.MarkPendingSignature(requestedAt);
                AddSignatureRequest(batch, contract, salesContact, requestedAt);
                break;
            }

            case ContractStatus.Signed:
            {
                var manager = Pick(_managers);
                var signedAt = Between(createdAt, Earliest(createdAt.AddDays(30), _today));

                // A quarter came through a Sales request that a manager approved; Management signed the rest directly.
                if (_random.NextDouble() < 0.25)
                {
                    var requestedAt = Between(createdAt, signedAt);
                    contract.MarkPendingSignature(requestedAt);
                    AddSignatureRequest(batch, contract, salesContact, requestedAt).Decide(SignatureRequestStatus.Approved, manager, null, signedAt);
                }

                contract.Sign(manager, signedAt);
                _signedContracts++;
                AddEvents(batch, contract, signedAt);
                break;
            }

            case ContractStatus.Cancelled:
                contract.Cancel(Between(createdAt, Earliest(createdAt.AddDays(60), _today)));
                break;

            case ContractStatus.Draft when _random.NextDouble() < 0.05:
            {
                // Sent for signature once, rejected by Management, back to draft.
                var manager = Pick(_managers);
                var requestedAt = Between(createdAt, _today);
                var rejectedAt = Between(requestedAt, Earliest(requestedAt.AddDays(3), _today));
                contract.MarkPendingSignature(requestedAt);
                AddSignatureRequest(batch, contract, salesContact, requestedAt)
                    .Decide(SignatureRequestStatus.Rejected, manager, Pick(DemoNames.RejectionReasons), rejectedAt);
                contract.ReturnToDraft(rejectedAt);
                break;
            }
        }
    }

    private SignatureRequest AddSignatureRequest(DemoBatch batch, Contract contract, Collaborator requestedBy, DateTime at)
    {
        var request = _keys.SignatureRequests.Assign(new SignatureRequest(contract, requestedBy, at));
        batch.SignatureRequests.Add(request);
        SignatureRequests++;
        return request;
    }

    private void AddEvents(DemoBatch batch, Contract contract, DateTime signedAt)
    {
        var count = _signedContracts <= 2
            ? 2
            : _random.NextDouble() switch { < 0.10 => 0, < 0.65 => 1, < 0.90 => 2, _ => 3 };
        for (var i = 0; i < count; i++)
        {
            var (style, upcoming, supported) = Events < PlannedEvents.Length
                ? PlannedEvents[Events]
                : RandomEventPlan();
            AddEvent(batch, contract, signedAt, style, upcoming, supported);
        }
    }

    private (EventStyle Style, bool Upcoming, bool Supported) RandomEventPlan()
    {
        var style = _random.NextDouble() switch
        {
            < 0.35 => EventStyle.Seminar,
            < 0.70 => EventStyle.Evening,
            < 0.90 => EventStyle.Afternoon,
            _ => EventStyle.MultiDay,
        };
        var upcoming = _random.NextDouble() < 0.35;

        // Management staffs past events nearly always; upcoming ones are often still to assign.
        var supported = _random.NextDouble() < (upcoming ? 0.7 : 0.95);
        return (style, upcoming, supported);
    }

    private void AddEvent(DemoBatch batch, Contract contract, DateTime signedAt, EventStyle style, bool upcoming, bool supported)
    {
        // A past event takes place between the day after signing and yesterday; if there is no such day, it is upcoming.
        var firstPastDay = signedAt.Date.AddDays(1);
        var lastPastDay = _today.Date.AddDays(-1);
        upcoming |= firstPastDay > lastPastDay;
        var day = upcoming
            ? _today.Date.AddDays(_random.Next(1, 90))
            : firstPastDay.AddDays(_random.Next((int)(lastPastDay - firstPastDay).TotalDays + 1));

        var (names, startHour, minMinutes, maxMinutes, attendees) = style switch
        {
            EventStyle.Seminar => (DemoNames.SeminarNames, 8, 4 * 60, 9 * 60, (20, 300)),

            // Starts between 18:00 and 21:30 and lasts four to eight hours: most end after midnight.
            EventStyle.Evening => (DemoNames.EveningNames, 18, 4 * 60, 8 * 60, (50, 400)),
            EventStyle.Afternoon => (DemoNames.AfternoonNames, 13, 2 * 60, 5 * 60, (10, 150)),
            _ => (DemoNames.MultiDayNames, 9, 32 * 60, 80 * 60, (100, 3000)),
        };
        var startsAt = day.AddHours(startHour).AddMinutes(30 * _random.Next(style == EventStyle.Evening ? 8 : 4));
        var endsAt = startsAt.AddMinutes(30 * _random.Next(minMinutes / 30, (maxMinutes / 30) + 1));
        var expected = _random.NextDouble() < 0.01 ? _random.Next(5_000, 20_001) : _random.Next(attendees.Item1, attendees.Item2 + 1);
        int? actual = !upcoming && _random.NextDouble() < 0.8
            ? Math.Clamp((int)(expected * (0.7 + (0.4 * _random.NextDouble()))), 0, Limits.MaxAttendees)
            : null;
        var client = contract.Client;
        var name = $"{Pick(names)} — {client.CompanyName}";
        var details = new EventDetails(
            name.Length <= Limits.EventName ? name : name[..Limits.EventName],
            startsAt,
            endsAt,
            Pick(DemoNames.Venues),
            expected,
            actual,
            _random.NextDouble() < 0.4 ? string.Empty : Pick(DemoNames.EventNotes));

        // An event is created before it starts (SPEC §1), some time after its contract was signed.
        var createdAt = Between(signedAt, Earliest(startsAt, _today));
        var @event = _keys.Events.Assign(new Event(contract, details, createdAt));
        if (supported)
        {
            @event.AssignSupport(Pick(_support), Between(createdAt, Earliest(startsAt, _today)));
        }
        else
        {
            EventsWithoutSupport++;
        }

        batch.Events.Add(@event);
        Events++;
        if (startsAt > _today)
        {
            UpcomingEvents++;
        }
    }

    private int ContractCount() => _random.NextDouble() switch { < 0.10 => 0, < 0.80 => 1, < 0.95 => 2, _ => 3 };

    private ContractStatus RandomStatus()
    {
        var roll = _random.NextDouble();
        if (_unsignedShare is not { } unsigned)
        {
            return roll switch
            {
                < 0.62 => ContractStatus.Signed,
                < 0.77 => ContractStatus.Draft,
                < 0.89 => ContractStatus.PendingSignature,
                _ => ContractStatus.Cancelled,
            };
        }

        // The unsigned share asked for, split between drafts and requests as usual (15 : 12); of the
        // rest, one in seven cancelled, as in the usual company (11 : 62).
        var drafts = unsigned * 15 / 27;
        var cancelled = (1 - unsigned) * 11 / 73;
        return roll < drafts ? ContractStatus.Draft
            : roll < unsigned ? ContractStatus.PendingSignature
            : roll < unsigned + cancelled ? ContractStatus.Cancelled
            : ContractStatus.Signed;
    }

    /// <summary>From 500 € to 150 000 €, most of them small, with cents.</summary>
    private decimal Amount()
    {
        var cents = (long)Math.Exp(Math.Log(50_000) + (_random.NextDouble() * (Math.Log(15_000_000) - Math.Log(50_000))));
        return cents / 100m;
    }

    /// <summary>What is left to pay after a deposit or instalments: strictly between nothing and everything.</summary>
    private decimal PartOf(decimal total)
    {
        var cents = (long)(total * 100m);
        return Math.Clamp((long)(cents * (0.1 + (0.8 * _random.NextDouble()))), 1, cents - 1) / 100m;
    }

    private (string First, string Last) Person() => _random.NextDouble() < 0.35
        ? (Pick(DemoNames.EnglishFirstNames), Pick(DemoNames.EnglishLastNames))
        : (Pick(DemoNames.FrenchFirstNames), Pick(DemoNames.FrenchLastNames));

    private string FrenchCompany() => _random.Next(3) switch
    {
        0 => $"{Pick(DemoNames.FrenchTrades)} {Pick(DemoNames.FrenchPlaces)}",
        1 => $"{Pick(DemoNames.FrenchLastNames)} {Pick(DemoNames.FrenchFirmSuffixes)}{Pick(DemoNames.FrenchLegalForms)}",
        _ => $"{Pick(DemoNames.FrenchBrands)} {Pick(DemoNames.FrenchIndustries)}{Pick(DemoNames.FrenchLegalForms)}",
    };

    private string EnglishCompany() => _random.Next(3) switch
    {
        0 => $"{Pick(DemoNames.EnglishLastNames)} & {Pick(DemoNames.EnglishLastNames)}{Pick(DemoNames.EnglishLegalForms)}",
        1 => $"{Pick(DemoNames.EnglishLastNames)} {Pick(DemoNames.EnglishFirmSuffixes)}{Pick(DemoNames.EnglishLegalForms)}",
        _ => $"{Pick(DemoNames.EnglishBrands)} {Pick(DemoNames.EnglishIndustries)}{Pick(DemoNames.EnglishLegalForms)}",
    };

    private string NewPhone(bool english)
    {
        var digits = _random.Next(10_000_000, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var text = english
            ? $"+44 20 {digits[..4]} {digits[4..]}"
            : _random.Next(2) == 0
                ? $"+33 6 {digits[..2]} {digits[2..4]} {digits[4..6]} {digits[6..]}"
                : $"0{_random.Next(1, 6)} {digits[..2]} {digits[2..4]} {digits[4..6]} {digits[6..]}";
        return FieldRules.NormalizePhone(text);
    }

    /// <summary>The plain address the first time, then numbered: marie.martin2@…; the word lists have no digits.</summary>
    private string UniqueEmail(string local, string domain)
    {
        var plain = $"{local}@{domain}";
        if (!_emailBases.TryGetValue(plain, out var used))
        {
            _emailBases[plain] = 1;
            return plain;
        }

        _emailBases[plain] = used + 1;
        return $"{local}{used + 1}@{domain}";
    }

    /// <summary>Staff addresses also avoid the collaborators already in the database, whose addresses may hold digits.</summary>
    private string StaffEmail(string first, string last)
    {
        string email;
        do
        {
            email = UniqueEmail($"{Slug(first)}.{Slug(last)}", StaffDomain);
        }
        while (!_takenStaffEmails.Add(email));

        return email;
    }

    /// <summary>"Crêperie Saint-Malo" → "creperie-saint-malo": accents folded, apostrophes dropped, other signs a separator.</summary>
    private static string Slug(string text)
    {
        var folded = FieldRules.SearchKey(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (c != '\'' && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-');
    }

    private DateTime Between(DateTime from, DateTime to) =>
        to <= from ? from : from.AddMinutes(Math.Floor(_random.NextDouble() * (to - from).TotalMinutes));

    private static DateTime Earliest(DateTime a, DateTime b) => a < b ? a : b;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
