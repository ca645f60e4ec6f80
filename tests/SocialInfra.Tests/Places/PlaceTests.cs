using SocialInfra.Geography;
using SocialInfra.Places;

namespace SocialInfra.Tests.Places;

public class PlaceTests
{
    [Fact]
    public void A_shape_shifting_place_keeps_every_period_of_its_history()
    {
        var place = new Place { Name = "Eastbrook hall", CategorySlug = "community-centre" };
        place.ChangeActivity(Activity.Active, new DateOnly(2015, 4, 1));
        place.ChangeActivity(Activity.Dormant, new DateOnly(2020, 3, 23), "Closed in lockdown");
        place.ChangeActivity(Activity.Active, new DateOnly(2022, 9, 1), "Reopened by residents");

        place.Activity.Should().Be(Activity.Active);
        place.ActivityPeriods.Select(p => (p.Activity, p.StartsOn, p.EndsOn)).Should().Equal(
            (Activity.Active, new DateOnly(2015, 4, 1), new DateOnly(2020, 3, 23)),
            (Activity.Dormant, new DateOnly(2020, 3, 23), new DateOnly(2022, 9, 1)),
            (Activity.Active, new DateOnly(2022, 9, 1), (DateOnly?)null));
    }

    [Fact]
    public void A_new_period_cannot_start_before_the_current_one()
    {
        var place = new Place { Name = "Hall", CategorySlug = "community-centre" };
        place.ChangeActivity(Activity.Active, new DateOnly(2020, 1, 1));
        var act = () => place.ChangeActivity(Activity.Dormant, new DateOnly(2019, 1, 1));
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*cannot start before the current one (2020-01-01)*");
    }

    [Theory]
    [InlineData("IG117NB", "IG11 7NB")]
    [InlineData(" rm9 4un ", "RM9 4UN")]
    [InlineData("RM10 9QS", "RM10 9QS")]
    [InlineData("EC1A1BB", "EC1A 1BB")]
    [InlineData("not a postcode", null)]
    [InlineData("", null)]
    public void Postcodes_are_written_in_their_usual_form(string text, string? expected) =>
        Postcode.Normalise(text).Should().Be(expected);
}
