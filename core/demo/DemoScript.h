#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace workbench::demo {

/// How one ticket category behaves in the synthetic queue, and what its conversations say.
struct CategoryScript {
    QString name;
    double weight;            ///< share of contacts
    double escalationRate;    ///< P(escalated)
    double falseShare;        ///< P(the AI could have resolved it | escalated)
    double missedShare;       ///< P(it needed a person | contained)
    double aiSatisfied;       ///< P(csat >= 4) when the AI resolved it well
    double agentSatisfied;    ///< P(csat >= 4) when a person handled a needed escalation
    int teamIndex;            ///< the team escalations of this category usually go to
    QStringList openers;      ///< the customer's first message
    QStringList aiFirst;      ///< the AI's acknowledgement
    QStringList details;      ///< the customer adding detail
    QStringList aiResolve;    ///< a complete answer from the AI
    QStringList aiWeak;       ///< a generic or half answer
    QStringList agentResolve; ///< a person's resolution
    QStringList reasons;      ///< the AI's stated reason for handing off
};

struct TeamScript {
    QString name;
    QStringList agents;
};

/// Lines every category shares: greetings, asking for a person, the hand-off, closings.
struct CommonScript {
    QStringList askPerson;
    QStringList repeatPrefix;
    QStringList aiAfterAsk; ///< the AI keeping a contact after the customer asked for a person
    QStringList aiHandoff;
    QStringList agentGreeting;
    QStringList customerThanks;
    QStringList customerUnhappy;
    QStringList agentClosing;
    QStringList aiClosing;
    QStringList customerFrustrated;
    QStringList aiLoop;
    QStringList systemLeft;
    QStringList followupOpeners; ///< prefixes of a customer coming back about the same thing
    QStringList products;
    QStringList carriers;
    QStringList firstNames;
    QStringList lastNames;
    QStringList helpSlugs;
};

const std::vector<CategoryScript> &categoryScripts();
const std::vector<TeamScript> &teamScripts();
const CommonScript &commonScript();

/// Channels and their shares of contacts.
struct ChannelScript {
    QString name;
    double weight;
    double escalationFactor; ///< multiplies the category's escalation rate
    double ratedShare;       ///< P(the customer left a rating)
    QString startLine;       ///< the system line opening a conversation
};
const std::vector<ChannelScript> &channelScripts();

} // namespace workbench::demo
