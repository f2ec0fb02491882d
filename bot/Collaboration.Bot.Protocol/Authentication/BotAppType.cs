using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Collaboration.Bot.Protocol.Authentication;

public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}
