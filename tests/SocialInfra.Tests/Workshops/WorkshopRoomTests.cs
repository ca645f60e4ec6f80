using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Places;
using SocialInfra.Tests.Gaps;
using SocialInfra.Tests.Infrastructure;
using SocialInfra.Workshops;
using Xunit;

namespace SocialInfra.Tests.Workshops;

/// <summary>The workshop room over the hand-made borough of <see cref="GapBorough"/> (West and East wards).</summary>
public class WorkshopRoomTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 18, 30, 0, TimeSpan.Zero);
    private static readonly Editor Fay = new(Guid.NewGuid(), "Fay Facilitator", null, IsOfficer: false);
    private ScratchDatabase _database = null!;
    private Guid _hallId;

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.EmptyAsync();
        await using var db = _database.CreateContext();
        _hallId = await GapBorough.SeedAsync(db);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<WorkshopSession> CreateAsync(int dots = 5, params string[] wards)
    {
        await using var db = _database.CreateContext();
        var result = await WorkshopRoom.CreateAsync(db, GapBorough.Code,
            new WorkshopDraft("Westside evening", wards.Length == 0 ? [GapBorough.West, GapBorough.East] : wards, dots), Fay.UserId, Fay.Name, Now);
        result.Errors.Should().BeEmpty();
        return result.Value!;
    }

    private async Task<WorkshopParticipant> JoinAsync(WorkshopSession session, string name)
    {
        await using var db = _database.CreateContext();
        var result = await WorkshopRoom.JoinAsync(db, session.Code.ToLowerInvariant(), name, Now);
        result.Errors.Should().BeEmpty();
        return result.Value.Participant;
    }

    private async Task<RoomResult<ContributionView>> ContributeAsync(WorkshopSession session, WorkshopParticipant participant, ContributionDraft draft)
    {
        await using var db = _database.CreateContext();
        return await WorkshopRoom.ContributeAsync(db, await db.WorkshopSessions.SingleAsync(s => s.Id == session.Id), participant, draft, Now);
    }

    private async Task<RoomResult<VoteResult>> VoteAsync(WorkshopSession session, WorkshopParticipant participant, Guid contribution, int dots)
    {
        await using var db = _database.CreateContext();
        return await WorkshopRoom.VoteAsync(db, session, participant, contribution, dots);
    }

    private static ContributionDraft MissingCentre(string name = "Northside Hub") => new()
    {
        ClientId = Guid.NewGuid(), Kind = ContributionKind.MissingPlace, Text = name, CategorySlug = "community-centre", Latitude = 51.520, Longitude = -0.005,
    };

    private static ContributionDraft Note(string text, string ward = GapBorough.East) =>
        new() { ClientId = Guid.NewGuid(), Kind = ContributionKind.GapNote, Text = text, WardCode = ward };

    [Fact]
    public async Task A_participant_joins_by_the_code_as_typed_and_a_wrong_code_is_named()
    {
        var session = await CreateAsync();
        session.Code.Should().MatchRegex("^[A-HJKMNP-Z2-9]{6}$");
        await using var db = _database.CreateContext();

        var joined = await WorkshopRoom.JoinAsync(db, $" {session.Code[..3].ToLowerInvariant()}-{session.Code[3..]} ", "  Sam  ", Now);
        var wrong = await WorkshopRoom.JoinAsync(db, "ZZZZZ9", "", Now);

        joined.Value.Participant.DisplayName.Should().Be("Sam");
        (await WorkshopRoom.ParticipantAsync(db, session.Id, joined.Value.Token))!.Id.Should().Be(joined.Value.Participant.Id);
        wrong.Errors.Should().Equal(
            new FieldError("Code", "There is no workshop with the code ZZZZZ9: check the code on the screen"),
            new FieldError("DisplayName", "Enter a name for others in the room to see you by"));
    }

    [Fact]
    public async Task A_token_from_one_workshop_finds_nobody_in_another()
    {
        var first = await CreateAsync();
        var second = await CreateAsync();
        await using var db = _database.CreateContext();
        var joined = await WorkshopRoom.JoinAsync(db, first.Code, "Sam", Now);

        (await WorkshopRoom.ParticipantAsync(db, second.Id, joined.Value.Token)).Should().BeNull();
        (await WorkshopRoom.ParticipantAsync(db, first.Id, joined.Value.Token + "x")).Should().BeNull();
    }

    [Fact]
    public async Task A_missing_place_lands_in_the_ward_it_is_in_and_is_kept_once_when_sent_twice()
    {
        var session = await CreateAsync();
        var sam = await JoinAsync(session, "Sam");
        var draft = MissingCentre();

        var first = await ContributeAsync(session, sam, draft);
        var again = await ContributeAsync(session, sam, draft);

        first.Value!.Should().BeEquivalentTo(new { Kind = ContributionKind.MissingPlace, Text = "Northside Hub", CategoryName = "Community centre", WardCode = GapBorough.West, WardName = "West", By = "Sam", Dots = 0, Latitude = 51.520, Longitude = -0.005 });
        again.Value!.Id.Should().Be(first.Value!.Id);
        await using var db = _database.CreateContext();
        (await db.Contributions.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Each_kind_of_contribution_names_what_is_missing_or_wrong()
    {
        var session = await CreateAsync(5, GapBorough.West);
        var sam = await JoinAsync(session, "Sam");

        var outside = await ContributeAsync(session, sam, MissingCentre() with { Longitude = 0.005 });
        var nameless = await ContributeAsync(session, sam, MissingCentre("  ") with { CategorySlug = null });
        var noWard = await ContributeAsync(session, sam, Note("Somewhere for teenagers", ward: GapBorough.East));
        var placeElsewhere = await ContributeAsync(session, sam, new ContributionDraft { ClientId = Guid.NewGuid(), Kind = ContributionKind.DormantPlace, PlaceId = _hallId });
        var noKind = await ContributeAsync(session, sam, new ContributionDraft { ClientId = Guid.NewGuid(), Text = "?" });

        outside.Errors.Should().Equal(new FieldError("Latitude", "That point is outside this workshop's wards (West)"));
        nameless.Errors.Should().Equal(
            new FieldError("Text", "Enter the name of the place"), new FieldError("CategorySlug", "Choose what kind of place it is"));
        noWard.Errors.Should().Equal(new FieldError("WardCode", "Choose the ward the note is about, or a point on the map"));
        placeElsewhere.Errors.Should().Equal(new FieldError("PlaceId", "Choose a place in this workshop's wards from the list"));
        noKind.Errors.Should().Equal(new FieldError("Kind", "Choose what you are adding"));
        new[] { outside, nameless, noWard, placeElsewhere, noKind }.Should().OnlyContain(r => r.Outcome == RoomOutcome.Invalid);
    }

    [Fact]
    public async Task Votes_cannot_exceed_the_dot_budget()
    {
        var session = await CreateAsync(dots: 3);
        var sam = await JoinAsync(session, "Sam");
        var hub = (await ContributeAsync(session, sam, MissingCentre())).Value!;
        var note = (await ContributeAsync(session, sam, Note("A youth club"))).Value!;

        var two = await VoteAsync(session, sam, hub.Id, 2);
        var tooMany = await VoteAsync(session, sam, note.Id, 2);
        var one = await VoteAsync(session, sam, note.Id, 1);
        var moved = await VoteAsync(session, sam, hub.Id, 0);
        var nowTwo = await VoteAsync(session, sam, note.Id, 3);

        two.Value.Should().BeEquivalentTo(new { MyDots = 2, DotsLeft = 1, Contribution = new { Dots = 2 } });
        tooMany.Outcome.Should().Be(RoomOutcome.Invalid);
        tooMany.Errors.Should().Equal(new FieldError("Dots", "You have 3 dots and 2 are on other contributions, so you can put at most 1 here"));
        one.Value!.DotsLeft.Should().Be(0);
        moved.Value!.Contribution.Dots.Should().Be(0);
        nowTwo.Value.Should().BeEquivalentTo(new { MyDots = 3, DotsLeft = 0, Contribution = new { Dots = 3 } });
    }

    [Fact]
    public async Task Votes_sent_at_once_from_two_phones_never_spend_more_than_the_budget()
    {
        var session = await CreateAsync(dots: 3);
        var sam = await JoinAsync(session, "Sam");
        var notes = new List<ContributionView>();
        for (var i = 0; i < 8; i++)
        {
            notes.Add((await ContributeAsync(session, sam, Note($"Need {i}"))).Value!);
        }

        var results = await Task.WhenAll(notes.Select(n => Task.Run(() => VoteAsync(session, sam, n.Id, 1))));

        results.Count(r => r.Outcome == RoomOutcome.Done).Should().Be(3);
        await using var db = _database.CreateContext();
        (await db.Votes.SumAsync(v => v.Dots)).Should().Be(3);
        (await db.Contributions.SumAsync(c => c.Dots)).Should().Be(3);
    }

    [Fact]
    public async Task Merging_moves_the_dots_and_adds_up_a_participants_dots_on_both()
    {
        var session = await CreateAsync();
        var sam = await JoinAsync(session, "Sam");
        var kim = await JoinAsync(session, "Kim");
        var youth = (await ContributeAsync(session, sam, Note("A youth club"))).Value!;
        var teens = (await ContributeAsync(session, kim, Note("Somewhere for teenagers"))).Value!;
        await VoteAsync(session, sam, youth.Id, 2);
        await VoteAsync(session, sam, teens.Id, 1);
        await VoteAsync(session, kim, teens.Id, 3);

        await using (var db = _database.CreateContext())
        {
            (await WorkshopRoom.MergeAsync(db, session, teens.Id, youth.Id, teens.EditVersion)).Should().Be(RoomOutcome.Done);
        }

        await using var check = _database.CreateContext();
        (await check.Contributions.SingleAsync(c => c.Id == youth.Id)).Dots.Should().Be(6);
        (await check.Contributions.SingleAsync(c => c.Id == teens.Id)).Should().BeEquivalentTo(new { Status = ContributionStatus.Merged, MergedIntoId = youth.Id, Dots = 0 });
        (await check.Votes.OrderBy(v => v.Dots).Select(v => new { v.ParticipantId, v.ContributionId, v.Dots }).ToListAsync()).Should().Equal(
            new { ParticipantId = sam.Id, ContributionId = youth.Id, Dots = 3 }, new { ParticipantId = kim.Id, ContributionId = youth.Id, Dots = 3 });
        (await VoteAsync(session, sam, teens.Id, 1)).Outcome.Should().Be(RoomOutcome.NotFound);
    }

    [Fact]
    public async Task A_facilitators_edit_over_a_stale_version_is_refused()
    {
        var session = await CreateAsync();
        var sam = await JoinAsync(session, "Sam");
        var note = (await ContributeAsync(session, sam, Note("A yuoth club"))).Value!;
        await VoteAsync(session, sam, note.Id, 1); // votes do not make an edit stale

        await using var db = _database.CreateContext();
        var edited = await WorkshopRoom.EditAsync(db, session, note.Id, "A youth club", "community-centre", note.EditVersion);
        var stale = await WorkshopRoom.EditAsync(db, session, note.Id, "Something else", null, note.EditVersion);

        edited.Value.Should().BeEquivalentTo(new { Text = "A youth club", CategoryName = "Community centre", Dots = 1, EditVersion = 1 });
        stale.Outcome.Should().Be(RoomOutcome.Conflict);
    }

    [Fact]
    public async Task A_locked_map_takes_no_additions_but_dots_still_move_and_an_ended_workshop_takes_neither()
    {
        var session = await CreateAsync();
        var sam = await JoinAsync(session, "Sam");
        var note = (await ContributeAsync(session, sam, Note("A youth club"))).Value!;
        await using (var db = _database.CreateContext())
        {
            await WorkshopRoom.SetLockedAsync(db, session, locked: true);
        }

        (await ContributeAsync(session, sam, Note("More benches"))).Outcome.Should().Be(RoomOutcome.Locked);
        (await VoteAsync(session, sam, note.Id, 2)).Outcome.Should().Be(RoomOutcome.Done);

        await using (var db = _database.CreateContext())
        {
            await WorkshopRoom.EndAsync(db, session, Fay, Now);
        }
        (await ContributeAsync(session, sam, Note("More benches"))).Outcome.Should().Be(RoomOutcome.Ended);
        (await VoteAsync(session, sam, note.Id, 1)).Outcome.Should().Be(RoomOutcome.Ended);
        await using var check = _database.CreateContext();
        (await WorkshopRoom.JoinAsync(check, session.Code, "Late", Now)).Errors.Should().Equal(new FieldError("Code", "The workshop Westside evening has ended"));
    }

    [Fact]
    public async Task Ending_sends_missing_and_dormant_places_to_moderation_and_freezes_the_gaps_before_and_after()
    {
        var session = await CreateAsync();
        var sam = await JoinAsync(session, "Sam");
        var hub = (await ContributeAsync(session, sam, MissingCentre())).Value!;
        await ContributeAsync(session, sam, new ContributionDraft { ClientId = Guid.NewGuid(), Kind = ContributionKind.DormantPlace, PlaceId = _hallId, Text = "Still shut" });
        await ContributeAsync(session, sam, Note("A youth club"));
        var hidden = (await ContributeAsync(session, sam, MissingCentre("Rude name") with { Latitude = 51.500 })).Value!;
        await VoteAsync(session, sam, hub.Id, 4);
        await using (var db = _database.CreateContext())
        {
            await WorkshopRoom.SetHiddenAsync(db, session, hidden.Id, hidden: true, hidden.EditVersion);
            (await WorkshopRoom.EndAsync(db, session, Fay, Now)).Should().Be(RoomOutcome.Done);
        }

        await using var check = _database.CreateContext();
        var submissions = await check.PlaceSubmissions.OrderBy(s => s.Name).ToListAsync();
        submissions.Select(s => new { s.Name, s.Status, IsNew = s.PlaceId == null, s.SubmittedByName }).Should().Equal(
            new { Name = "Northside Hub", Status = SubmissionStatus.Pending, IsNew = true, SubmittedByName = $"Fay Facilitator, workshop {session.Code}" },
            new { Name = "Old East Hall", Status = SubmissionStatus.Pending, IsNew = false, SubmittedByName = $"Fay Facilitator, workshop {session.Code}" });
        submissions[0].Draft.Should().BeEquivalentTo(new { CategorySlug = "community-centre", Latitude = 51.520, Longitude = -0.005, Description = "From the workshop \"Westside evening\" on 23 November 2026 (4 dots)" });
        submissions[1].Draft.Should().BeEquivalentTo(new { Activity = Activity.Dormant, ActivityNote = "From the workshop \"Westside evening\" on 23 November 2026 (0 dots): Still shut" });
        (await check.Organisations.SingleAsync(o => o.Id == submissions[0].OrganisationId)).Name.Should().Be(WorkshopRoom.WorkshopOrganisationName);
        (await check.Places.CountAsync(p => p.Name == "Northside Hub")).Should().Be(0, "nothing is published until an officer approves it");

        // Composite of community centres (800 m) and libraries (1,600 m), worked out in GapBorough's figures:
        // before, West (0.25 + 0.75) / 2 = 0.5, gap 1 × 0.5 = 0.5; East (0.5 + 0.5) / 2 = 0.5, gap 0.8 × 0.5 = 0.4.
        // Northside Hub at B reaches B (0 m) and D (693 m); A was already reached: community centres cover West and East wholly.
        // The dormant hall was not counted before either. After: West (1 + 0.75) / 2 = 0.875, gap 0.125;
        // East (1 + 0.5) / 2 = 0.75, gap 0.8 × 0.25 = 0.2.
        var record = (await check.WorkshopSessions.SingleAsync(s => s.Id == session.Id)).GapRecord!;
        record.Wards.Select(w => new { w.Code, w.GapBefore, w.RankBefore, w.GapAfter, w.RankAfter }).Should().Equal(
            new { Code = GapBorough.East, GapBefore = (double?)0.4, RankBefore = (int?)2, GapAfter = (double?)0.2, RankAfter = (int?)1 },
            new { Code = GapBorough.West, GapBefore = (double?)0.5, RankBefore = (int?)1, GapAfter = (double?)0.125, RankAfter = (int?)2 });
    }

    [Fact]
    public async Task A_lost_place_counts_as_closed_in_the_record()
    {
        var session = await CreateAsync();
        var sam = await JoinAsync(session, "Sam");
        await using (var db = _database.CreateContext())
        {
            var library = await db.Places.Where(p => p.Name == "East Library").Select(p => p.Id).SingleAsync();
            (await WorkshopRoom.ContributeAsync(db, session, sam, new ContributionDraft { ClientId = Guid.NewGuid(), Kind = ContributionKind.LostPlace, PlaceId = library }, Now))
                .Outcome.Should().Be(RoomOutcome.Done);
        }

        await using var check = _database.CreateContext();
        var record = await WorkshopRecord.GapsAsync(check, session, Now);

        // Without East Library no LSOA reaches a library: West (0.25 + 0) / 2 = 0.125, gap 0.875; East (0.5 + 0) / 2 = 0.25, gap 0.8 × 0.75 = 0.6.
        record.Wards.Select(w => new { w.Code, w.GapBefore, GapAfter = Math.Round(w.GapAfter!.Value, 10), w.RankAfter }).Should().Equal(
            new { Code = GapBorough.East, GapBefore = (double?)0.4, GapAfter = 0.6, RankAfter = (int?)2 },
            new { Code = GapBorough.West, GapBefore = (double?)0.5, GapAfter = 0.875, RankAfter = (int?)1 });
    }

    [Fact]
    public async Task Dots_beyond_the_budget_in_one_go_are_refused_whatever_the_number()
    {
        var session = await CreateAsync(dots: 3);
        var sam = await JoinAsync(session, "Sam");
        var note = (await ContributeAsync(session, sam, Note("A youth club"))).Value!;
        var other = (await ContributeAsync(session, sam, Note("Benches"))).Value!;
        await VoteAsync(session, sam, other.Id, 1);

        var huge = await VoteAsync(session, sam, note.Id, int.MaxValue);
        var negative = await VoteAsync(session, sam, note.Id, -1);

        huge.Errors.Should().Equal(new FieldError("Dots", "Dots must be a whole number from 0 to 3"));
        negative.Outcome.Should().Be(RoomOutcome.Invalid);
        await using var db = _database.CreateContext();
        (await db.Contributions.SumAsync(c => c.Dots)).Should().Be(1);
    }

    [Fact]
    public async Task Hiding_a_contribution_gives_its_dots_back()
    {
        var session = await CreateAsync(dots: 3);
        var sam = await JoinAsync(session, "Sam");
        var spam = (await ContributeAsync(session, sam, Note("Spam"))).Value!;
        var note = (await ContributeAsync(session, sam, Note("A youth club"))).Value!;
        await VoteAsync(session, sam, spam.Id, 3);
        await using (var db = _database.CreateContext())
        {
            (await WorkshopRoom.SetHiddenAsync(db, session, spam.Id, hidden: true, spam.EditVersion)).Should().Be(RoomOutcome.Done);
        }

        var all = await VoteAsync(session, sam, note.Id, 3);

        all.Value.Should().BeEquivalentTo(new { MyDots = 3, DotsLeft = 0 });
        await using var check = _database.CreateContext();
        (await check.Contributions.SingleAsync(c => c.Id == spam.Id)).Dots.Should().Be(0);
    }

    [Fact]
    public async Task After_the_end_nothing_can_be_hidden_merged_or_edited()
    {
        var session = await CreateAsync();
        var sam = await JoinAsync(session, "Sam");
        var a = (await ContributeAsync(session, sam, Note("A youth club"))).Value!;
        var b = (await ContributeAsync(session, sam, Note("Youth club"))).Value!;
        await using var db = _database.CreateContext();
        await WorkshopRoom.EndAsync(db, session, Fay, Now);

        (await WorkshopRoom.SetHiddenAsync(db, session, a.Id, hidden: true, a.EditVersion)).Should().Be(RoomOutcome.Ended);
        (await WorkshopRoom.MergeAsync(db, session, b.Id, a.Id, b.EditVersion)).Should().Be(RoomOutcome.Ended);
        (await WorkshopRoom.EditAsync(db, session, a.Id, "Changed", null, a.EditVersion)).Outcome.Should().Be(RoomOutcome.Ended);
        (await WorkshopRoom.SetLockedAsync(db, session, locked: true)).Should().Be(RoomOutcome.Ended);
        (await db.Contributions.CountAsync(c => c.SessionId == session.Id && c.Status == ContributionStatus.Shown)).Should().Be(2);
    }
}
