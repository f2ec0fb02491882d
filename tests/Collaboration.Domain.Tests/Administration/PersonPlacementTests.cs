using Collaboration.Domain.Common;
using Collaboration.Domain.Users;

namespace Collaboration.Domain.Tests.Administration;

public class PersonPlacementTests
{
    [Fact]
    public void TheDirectoryPlacesAPersonUntilAnAdminSetsTheTeamByHand()
    {
        var user = new User("t", "u1", "Ann", "ann@x.test");
        Assert.True(user.FollowDirectory("Sales East", "m1"));
        Assert.Equal(("Sales East", "m1"), (user.Team, user.ManagerObjectId));

        user.AssignTeam("Key accounts");
        Assert.True(user.FollowDirectory("Sales West", "m2"));
        Assert.Equal(("Key accounts", "m2"), (user.Team, user.ManagerObjectId));
    }

    [Fact]
    public void AManagerSetByHandSurvivesTheDirectory()
    {
        var user = new User("t", "u1", "Ann", "ann@x.test");
        user.AssignManager("boss");
        Assert.False(user.FollowDirectory(null, "someone-else"));
        Assert.Equal("boss", user.ManagerObjectId);
        Assert.Equal("manager_self", Assert.Throws<DomainException>(() => user.AssignManager("u1")).Error.Code);
    }

    [Fact]
    public void APersonStartsActiveAndCanBeSwitchedOff()
    {
        var user = new User("t", "u1", "Ann", null);
        Assert.True(user.Active);
        Assert.True(user.SetActive(false));
        Assert.False(user.SetActive(false));
        Assert.False(user.Active);
    }
}
