// Who may change what: the access rules every remote shares (validateRemoteChange), the
// performer's layer of offsets over the engineer's mix, and the audit of remote edits.

#include "Support/ConstantBlocks.h"
#include "Remote/OscAddress.h"
#include "Remote/OscPacket.h"
#include "Remote/PendingRemoteChanges.h"
#include "Remote/RemoteDirectory.h"
#include "Remote/RemoteEditApplier.h"
#include "Remote/RemoteValidation.h"
#include "Remote/WebMessage.h"
#include "Remote/Support/RemoteTestFixture.h"
#include "Session/PerformerLayer.h"
#include "Session/SessionLimits.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>

using namespace foldback;
using namespace foldback::test;

namespace
{
    using Control = RemoteChange::Control;
    constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();
    constexpr double infinity = std::numeric_limits<double>::infinity();

    RemoteChange change (Control control, std::string sourceId = {}, double value = 0.0, std::string mixId = {})
    {
        RemoteChange c;
        c.control = control;
        c.sourceId = std::move (sourceId);
        c.value = value;
        c.mixId = std::move (mixId);
        return c;
    }

    const RemoteIdentity singer { false, "singer" };
    const RemoteIdentity guitarist { false, "guitarist" };
    const RemoteIdentity engineer { true, {} };

    /** A document without servers, for what happens once a change has been accepted. */
    struct DocumentFixture
    {
        explicit DocumentFixture (Session session = makeRemoteTestSession())
            : player (prepared (engine)), document (player)
        {
            session.remote.enabled = false;
            document.reset (session, {});
        }

        const CueMix& mix (const std::string& id) const { return *findMix (document.getSession(), id); }

        /** Applies changes as one client's batch, as RemoteControl::service() does. */
        std::vector<std::string> apply (const std::string& client, const std::vector<RemoteChange>& changes)
        {
            std::vector<PendingRemoteChanges::Entry> entries;
            for (const auto& c : changes)
                entries.push_back ({ client, c, entries.size() });
            return applyRemoteChanges (document, entries);
        }

        static Engine& prepared (Engine& e) { return preparedAt48k (e); }

        juce::ScopedJuceInitialiser_GUI juceRuntime;
        Engine engine;
        SessionPlayer player;
        SessionDocument document;
    };

    /** Who holds the document's tokens, as a network thread sees it. */
    std::shared_ptr<const RemoteDirectory> directoryOf (const SessionDocument& document)
    {
        return RemoteDirectory::build (document.getSession());
    }

    std::vector<double> ceilingsOf (const Session& session)
    {
        std::vector<double> ceilings;
        for (const auto& mix : session.mixes)
            ceilings.push_back (mix.limiterCeilingDb);
        return ceilings;
    }
}

//==============================================================================
// Tokens and identities

TEST_CASE ("Remote access: a token identifies its holder, and unknown, short and overlong tokens identify no one", "[remote][access]")
{
    const auto directory = RemoteDirectory::build (makeRemoteTestSession());

    auto who = identifyRemote (*directory, singerToken);
    REQUIRE (who.has_value());
    CHECK_FALSE (who->engineer);
    CHECK (who->mixId == "singer");

    who = identifyRemote (*directory, guitaristToken);
    REQUIRE (who.has_value());
    CHECK (who->mixId == "guitarist");

    who = identifyRemote (*directory, engineerToken);
    REQUIRE (who.has_value());
    CHECK (who->engineer);
    CHECK (who->mixId.empty());

    CHECK_FALSE (identifyRemote (*directory, "").has_value());
    CHECK_FALSE (identifyRemote (*directory, "singer").has_value());               // a mix id is not a token
    CHECK_FALSE (identifyRemote (*directory, singerToken + "x").has_value());
    CHECK_FALSE (identifyRemote (*directory, singerToken.substr (0, 16)).has_value());
    CHECK_FALSE (identifyRemote (*directory, std::string (65, 'a')).has_value());
    CHECK_FALSE (identifyRemote (*directory, std::string (100000, 'a')).has_value());

    // A mix whose token is not set yet is reachable by no token at all.
    auto session = makeRemoteTestSession();
    session.mixes[0].remote.token.clear();
    session.remote.engineerToken.clear();
    const auto withoutTokens = RemoteDirectory::build (session);
    CHECK_FALSE (identifyRemote (*withoutTokens, "").has_value());
    CHECK_FALSE (identifyRemote (*withoutTokens, singerToken).has_value());
    CHECK_FALSE (identifyRemote (*withoutTokens, engineerToken).has_value());
}

//==============================================================================
// validateRemoteChange

TEST_CASE ("Remote access: a performer's token changes only its own mix", "[remote][access]")
{
    const auto directory = RemoteDirectory::build (makeRemoteTestSession());

    // The mix comes from the token.
    auto verdict = validateRemoteChange (*directory, singer, change (Control::gain, "vox", -1.0));
    REQUIRE (verdict.change.has_value());
    CHECK (verdict.change->mixId == "singer");
    CHECK_FALSE (verdict.change->engineerLevel);

    verdict = validateRemoteChange (*directory, singer, change (Control::gain, "vox", -1.0, "singer"));
    CHECK (verdict.change.has_value());

    // Another mix named: refused, whatever the control.
    for (auto control : { Control::gain, Control::mute, Control::master, Control::reset })
    {
        verdict = validateRemoteChange (*directory, singer, change (control, "gtr", 0.0, "guitarist"));
        CHECK_FALSE (verdict.change.has_value());
        CHECK (verdict.error == "this token can change only its own mix");
    }
    verdict = validateRemoteChange (*directory, guitarist, change (Control::gain, "vox", 0.0, "singer"));
    CHECK_FALSE (verdict.change.has_value());

    // A performer's change claiming the engineer's level is brought down to the performer's.
    auto claimed = change (Control::gain, "vox", -1.0);
    claimed.engineerLevel = true;
    verdict = validateRemoteChange (*directory, singer, claimed);
    REQUIRE (verdict.change.has_value());
    CHECK_FALSE (verdict.change->engineerLevel);

    // Transport and talkback are the engineer's.
    for (auto control : { Control::play, Control::stop, Control::talkback })
        CHECK_FALSE (validateRemoteChange (*directory, singer, change (control, {}, 1.0)).change.has_value());

    // Reset and subscribe need no permission.
    CHECK (validateRemoteChange (*directory, singer, change (Control::reset)).change.has_value());
    CHECK (validateRemoteChange (*directory, singer, change (Control::subscribe)).change.has_value());
}

TEST_CASE ("Remote access: a control not in the mix's allow list is refused", "[remote][access]")
{
    // The singer may change gain, mute and master; not pan.
    const auto directory = RemoteDirectory::build (makeRemoteTestSession());
    CHECK (validateRemoteChange (*directory, singer, change (Control::gain, "vox", 0.0)).change.has_value());
    CHECK (validateRemoteChange (*directory, singer, change (Control::mute, "vox", 1.0)).change.has_value());
    CHECK (validateRemoteChange (*directory, singer, change (Control::master, {}, -3.0)).change.has_value());

    const auto pan = validateRemoteChange (*directory, singer, change (Control::pan, "vox", 0.5));
    CHECK_FALSE (pan.change.has_value());
    CHECK (pan.error == "the engineer has not allowed 'pan' on this mix");
    CHECK (validateRemoteChange (*directory, guitarist, change (Control::pan, "vox", 0.5)).change.has_value());

    // An empty list allows nothing but a reset of one's own layer.
    auto session = makeRemoteTestSession();
    session.mixes[1].remote.allow.clear();
    const auto locked = RemoteDirectory::build (session);
    for (auto control : { Control::gain, Control::pan, Control::mute, Control::master })
        CHECK_FALSE (validateRemoteChange (*locked, guitarist, change (control, "gtr", 0.0)).change.has_value());
    CHECK_FALSE (validateRemoteChange (*locked, guitarist, change (Control::gain, "click", 0.0)).change.has_value());
    CHECK (validateRemoteChange (*locked, guitarist, change (Control::reset)).change.has_value());
}

TEST_CASE ("Remote access: the click's level needs 'click' and other levels need 'gain'", "[remote][access]")
{
    auto session = makeRemoteTestSession();
    session.mixes[1].remote.allow = { "click" };
    const auto directory = RemoteDirectory::build (session);

    CHECK (validateRemoteChange (*directory, guitarist, change (Control::gain, "click", -20.0)).change.has_value());
    CHECK_FALSE (validateRemoteChange (*directory, guitarist, change (Control::gain, "gtr", -20.0)).change.has_value());
    CHECK_FALSE (validateRemoteChange (*directory, guitarist, change (Control::mute, "click", 1.0)).change.has_value()); // mute needs "mute"

    // The singer has "gain" but not "click".
    const auto standard = RemoteDirectory::build (makeRemoteTestSession());
    const auto click = validateRemoteChange (*standard, singer, change (Control::gain, "click", -20.0));
    CHECK_FALSE (click.change.has_value());
    CHECK (click.error == "the engineer has not allowed 'click' on this mix");
}

TEST_CASE ("Remote access: only sources the engineer sends to the mix, never talkback", "[remote][access]")
{
    const auto directory = RemoteDirectory::build (makeRemoteTestSession());

    CHECK_FALSE (validateRemoteChange (*directory, singer, change (Control::gain, "drums", 0.0)).change.has_value()); // in the session, not in this mix
    CHECK (validateRemoteChange (*directory, guitarist, change (Control::gain, "drums", 0.0)).change.has_value());
    CHECK_FALSE (validateRemoteChange (*directory, singer, change (Control::gain, "talkback", 0.0)).change.has_value()); // sent, but the engineer's
    CHECK_FALSE (validateRemoteChange (*directory, engineer, change (Control::gain, "talkback", 0.0, "singer")).change.has_value());
    CHECK_FALSE (validateRemoteChange (*directory, singer, change (Control::gain, "nosuch", 0.0)).change.has_value());
    CHECK_FALSE (validateRemoteChange (*directory, singer, change (Control::gain, "", 0.0)).change.has_value());
    CHECK_FALSE (validateRemoteChange (*directory, singer, change (Control::gain, "guitarist", 0.0)).change.has_value());
    CHECK_FALSE (validateRemoteChange (*directory, singer, change (Control::mute, std::string (10000, 'x'), 1.0)).change.has_value());
}

TEST_CASE ("Remote access: values that are NaN, infinite or out of range are refused", "[remote][access]")
{
    const auto directory = RemoteDirectory::build (makeRemoteTestSession());

    struct Case { Control control; std::string source; double value; bool ok; };
    const Case cases[] = {
        { Control::gain, "vox", -144.0, true }, { Control::gain, "vox", 12.0, true },
        { Control::gain, "vox", -144.01, false }, { Control::gain, "vox", 12.01, false },
        { Control::gain, "vox", notANumber, false }, { Control::gain, "vox", infinity, false }, { Control::gain, "vox", -infinity, false },
        { Control::gain, "vox", 1e300, false },
        { Control::master, {}, -144.0, true }, { Control::master, {}, 12.0, true },
        { Control::master, {}, 13.0, false }, { Control::master, {}, notANumber, false }, { Control::master, {}, -infinity, false },
        { Control::pan, "vox", -1.0, true }, { Control::pan, "vox", 1.0, true },
        { Control::pan, "vox", 1.0001, false }, { Control::pan, "vox", -2.0, false }, { Control::pan, "vox", notANumber, false },
        { Control::mute, "vox", 0.0, true }, { Control::mute, "vox", 1.0, true },
        { Control::mute, "vox", 0.5, false }, { Control::mute, "vox", 2.0, false }, { Control::mute, "vox", -1.0, false },
        { Control::mute, "vox", notANumber, false },
        { Control::talkback, {}, 0.5, false }, { Control::talkback, {}, notANumber, false }, { Control::talkback, {}, 1.0, true },
    };

    for (const auto& c : cases)
    {
        INFO (controlName (c.control) << " " << c.source << " " << c.value);
        // The guitarist may change everything; the engineer too: only the value decides.
        const auto& who = c.control == Control::talkback ? engineer : guitarist;
        const auto verdict = validateRemoteChange (*directory, who, change (c.control, c.source, c.value));
        CHECK (verdict.change.has_value() == c.ok);
        if (! c.ok)
            CHECK_FALSE (verdict.error.empty());
    }

    // NaN from OSC: the address reader passes it on, validation stops it.
    OscRequest request;
    std::string error;
    REQUIRE (readOscRequest (OscMessage { "/foldback/" + guitaristToken + "/send/vox/mute", { std::numeric_limits<float>::quiet_NaN() } },
                             request, error));
    CHECK_FALSE (validateRemoteChange (*directory, guitarist, request.change).change.has_value());
    REQUIRE (readOscRequest (OscMessage { "/foldback/" + engineerToken + "/talkback", { std::numeric_limits<float>::infinity() } },
                             request, error));
    CHECK_FALSE (validateRemoteChange (*directory, engineer, request.change).change.has_value());
}

TEST_CASE ("Remote access: the engineer's token changes base values of any mix and the transport", "[remote][access]")
{
    DocumentFixture fixture;
    const auto directory = directoryOf (fixture.document);

    auto verdict = validateRemoteChange (*directory, engineer, change (Control::gain, "vox", -6.0, "singer"));
    REQUIRE (verdict.change.has_value());
    CHECK (verdict.change->engineerLevel);
    auto master = validateRemoteChange (*directory, engineer, change (Control::master, {}, -4.0, "guitarist"));
    REQUIRE (master.change.has_value());
    auto mute = validateRemoteChange (*directory, engineer, change (Control::mute, "drums", 1.0, "guitarist"));
    REQUIRE (mute.change.has_value());
    // The engineer is not bound by a mix's allow list: the singer's pan is the engineer's to set.
    auto pan = validateRemoteChange (*directory, engineer, change (Control::pan, "gtr", 0.5, "singer"));
    REQUIRE (pan.change.has_value());

    for (auto control : { Control::play, Control::stop, Control::talkback })
        CHECK (validateRemoteChange (*directory, engineer, change (control, {}, 1.0)).change.has_value());

    CHECK_FALSE (validateRemoteChange (*directory, engineer, change (Control::gain, "vox", 0.0, "nosuch")).change.has_value());
    CHECK_FALSE (validateRemoteChange (*directory, engineer, change (Control::gain, "vox", 0.0, "")).change.has_value());

    REQUIRE (fixture.apply ("engineer (osc 10.0.0.2)", { *verdict.change, *master.change, *mute.change, *pan.change }).empty());
    CHECK (fixture.mix ("singer").sends.at ("vox").gainDb == -6.0);
    CHECK (fixture.mix ("singer").sends.at ("gtr").pan == 0.5);
    CHECK (fixture.mix ("guitarist").masterDb == -4.0);
    CHECK (fixture.mix ("guitarist").sends.at ("drums").mute);
    // The performers' layers are theirs: the engineer's values moved, not the offsets.
    CHECK (fixture.mix ("singer").performer == PerformerLayer {});
    CHECK (fixture.mix ("guitarist").performer == PerformerLayer {});
    CHECK (fixture.document.getAuditLog().back().who == "engineer (osc 10.0.0.2)");

    // Transport reaches the engine, not the session.
    const auto before = fixture.document.getSession();
    const auto changes = fixture.document.getChangeCount();
    fixture.apply ("engineer (osc 10.0.0.2)", { change (Control::play), change (Control::talkback, {}, 1.0) });
    CHECK (fixture.document.getSession() == before);
    CHECK (fixture.document.getChangeCount() == changes);
    std::vector<std::vector<float>> buffers (16, std::vector<float> (256));
    std::vector<const float*> in;
    std::vector<float*> out;
    for (int i = 0; i < 8; ++i)
    {
        in.push_back (buffers[static_cast<std::size_t> (i)].data());
        out.push_back (buffers[static_cast<std::size_t> (i + 8)].data());
    }
    fixture.engine.processBlock (in.data(), 8, out.data(), 8, 256);
    CHECK (fixture.engine.getTransport().readRollingForDisplay());
    CHECK (fixture.engine.readTalkbackForDisplay());
}

//==============================================================================
// The limiter ceiling

TEST_CASE ("Remote access: no remote change of any kind can move a limiter ceiling", "[remote][access]")
{
    DocumentFixture fixture;
    const auto ceilings = ceilingsOf (fixture.document.getSession());
    REQUIRE (ceilings == std::vector<double> { -3.0, -1.0 });

    // Every control, every mix, every source, both levels and values from everywhere,
    // straight to the applier without validation: nothing touches a ceiling.
    const Control controls[] = { Control::gain, Control::pan, Control::mute, Control::master, Control::reset, Control::subscribe };
    const char* mixes[] = { "", "singer", "guitarist", "nosuch" };
    const char* sources[] = { "vox", "gtr", "drums", "click", "talkback", "", "limiterCeilingDb" };
    const double values[] = { -1e9, -145.0, -144.0, -60.0, -1.0, 0.0, 0.5, 1.0, 12.0, 24.0, 1e9, notANumber, infinity };

    int applied = 0;
    for (auto control : controls)
        for (const auto* mixId : mixes)
            for (const auto* sourceId : sources)
                for (double value : values)
                    for (bool engineerLevel : { false, true })
                    {
                        auto c = change (control, sourceId, value, mixId);
                        c.engineerLevel = engineerLevel;
                        fixture.apply ("fuzz", { c });
                        ++applied;
                        REQUIRE (ceilingsOf (fixture.document.getSession()) == ceilings);
                    }
    for (auto control : { Control::play, Control::stop, Control::talkback })
    {
        fixture.apply ("fuzz", { change (control, {}, 1.0, "singer") });
        REQUIRE (ceilingsOf (fixture.document.getSession()) == ceilings);
    }
    INFO ("applied " << applied << " changes, " << fixture.document.getChangeCount() << " edits");
    CHECK (fixture.document.getChangeCount() > 50); // plenty of them were real edits
}

TEST_CASE ("Remote access: no message a page or an OSC client can send reaches a limiter ceiling", "[remote][access]")
{
    DocumentFixture fixture;
    const auto ceilings = ceilingsOf (fixture.document.getSession());
    const auto directory = directoryOf (fixture.document);
    const RemoteIdentity identities[] = { singer, guitarist, engineer };
    std::mt19937 random (99u);

    // Everything a page can say, plus what an attacker would try.
    const char* controlNames[] = { "gain", "pan", "mute", "master", "limiterCeilingDb", "ceiling", "limiter", "limiterCeiling", "click" };
    const char* sourceNames[] = { "vox", "gtr", "drums", "click", "talkback", "limiterCeilingDb" };
    const char* valueTexts[] = { "-144", "-60", "-1", "0", "1", "12", "true", "false", "-0.5", "1e999", "\"-1\"" };
    const char* extras[] = { "", R"(,"mix":"guitarist")", R"(,"limiterCeilingDb":0)", R"(,"mixId":"singer","engineer":true)" };

    std::vector<PendingRemoteChanges::Entry> batch;
    int accepted = 0, messages = 0;
    auto flush = [&]
    {
        applyRemoteChanges (fixture.document, batch);
        batch.clear();
        REQUIRE (ceilingsOf (fixture.document.getSession()) == ceilings);
    };
    auto offer = [&] (const RemoteIdentity& who, const RemoteChange& c)
    {
        ++messages;
        const auto verdict = validateRemoteChange (*directoryOf (fixture.document), who, c);
        if (! verdict.change.has_value())
            return;
        ++accepted;
        batch.push_back ({ who.engineer ? "engineer" : who.mixId, *verdict.change, batch.size() });
        if (batch.size() >= 16)
            flush();
    };

    for (const auto* type : { "set", "reset" })
        for (const auto* control : controlNames)
            for (const auto* source : sourceNames)
                for (const auto* value : valueTexts)
                    for (const auto* extra : extras)
                    {
                        const std::string text = std::string (R"({"type":")") + type + R"(","control":")" + control + R"(","source":")"
                                                 + source + R"(","value":)" + value + extra + "}";
                        auto parsed = parseWebMessage (text);
                        if (const auto* c = std::get_if<RemoteChange> (&parsed))
                            offer (identities[random() % 2], *c); // pages belong to performers
                    }
    flush();

    // OSC: every address form, with every token, and the ceilings' would-be addresses.
    const std::string tokens[] = { singerToken, guitaristToken, engineerToken };
    std::vector<std::string> tails;
    for (const auto* source : sourceNames)
        for (const auto* control : { "gain", "pan", "mute", "limiterCeilingDb", "ceiling" })
            tails.push_back (std::string ("/send/") + source + "/" + control);
    for (const auto* tail : { "/master", "/reset", "/subscribe", "/limiterCeilingDb", "/ceiling", "/limiter/ceiling", "/talkback",
                              "/transport/play", "/transport/stop" })
        tails.push_back (tail);
    const float oscValues[] = { -200.0f, -144.0f, -60.0f, -1.0f, 0.0f, 1.0f, 12.0f, 100.0f };

    for (const auto& token : tokens)
        for (const auto* mixPart : { "", "/mix/singer", "/mix/guitarist" })
            for (const auto& tail : tails)
                for (float value : oscValues)
                {
                    OscRequest request;
                    std::string error;
                    const OscMessage message { "/foldback/" + token + mixPart + tail, { value } };
                    if (! readOscRequest (message, request, error)
                        && ! readOscRequest (OscMessage { message.address, {} }, request, error))
                        continue;
                    const auto who = identifyRemote (*directory, request.token);
                    REQUIRE (who.has_value());
                    if (request.change.engineerLevel && ! who->engineer)
                        continue; // the OSC server refuses these before validation
                    if (request.change.control == Control::play || request.change.control == Control::stop
                        || request.change.control == Control::talkback)
                        continue; // transport: not the session's (and not worth a queue of commands)
                    offer (*who, request.change);
                }
    flush();

    INFO (messages << " messages, " << accepted << " accepted, " << fixture.document.getChangeCount() << " edits");
    CHECK (accepted > 100);
    CHECK (ceilingsOf (fixture.document.getSession()) == ceilings);
}

//==============================================================================
// The performer layer

TEST_CASE ("Performer layer: an offset survives the engineer's later edit of the same send", "[remote][performer]")
{
    DocumentFixture fixture;
    REQUIRE (fixture.mix ("singer").sends.at ("vox").gainDb == 3.0);

    // The singer wants to hear vox at +7: an offset of +4 over the engineer's +3.
    REQUIRE (fixture.apply ("singer (web 10.0.0.5)", { change (Control::gain, "vox", 7.0, "singer") }).empty());
    CHECK (fixture.mix ("singer").performer.sends.at ("vox").gainOffsetDb == 4.0);
    CHECK (fixture.mix ("singer").sends.at ("vox").gainDb == 3.0);

    // The engineer raises vox by 3 dB in the singer's mix.
    REQUIRE (fixture.document.edit ("vox +3", [] (Session& s) { findMix (s, "singer")->sends["vox"].gainDb += 3.0; }).empty());
    const auto& mix = fixture.mix ("singer");
    CHECK (mix.sends.at ("vox").gainDb == 6.0);
    CHECK (mix.performer.sends.at ("vox").gainOffsetDb == 4.0);
    CHECK (effectiveSend (mix, "vox").gainDb == 10.0);

    // ...and rebalances everything else, adds a source: the offset is still there.
    REQUIRE (fixture.document.edit ("rebalance", [] (Session& s)
    {
        auto& m = *findMix (s, "singer");
        m.sends["gtr"].gainDb = -2.0;
        m.sends["drums"] = { -6.0, 0.0, false };
        m.masterDb = -1.0;
    }).empty());
    CHECK (fixture.mix ("singer").performer.sends.at ("vox").gainOffsetDb == 4.0);
    CHECK (effectiveSend (fixture.mix ("singer"), "vox").gainDb == 10.0);
}

TEST_CASE ("Performer layer: removing a send prunes its offset so the engineer's edit still succeeds", "[remote][performer]")
{
    DocumentFixture fixture;
    REQUIRE (fixture.apply ("singer", { change (Control::gain, "gtr", -2.0, "singer"), change (Control::mute, "vox", 1.0, "singer") }).empty());
    REQUIRE (fixture.mix ("singer").performer.sends.count ("gtr") == 1);

    // The engineer stops sending gtr to the singer.
    REQUIRE (fixture.document.edit ("remove gtr", [] (Session& s) { findMix (s, "singer")->sends.erase ("gtr"); }).empty());
    CHECK (fixture.mix ("singer").sends.count ("gtr") == 0);
    CHECK (fixture.mix ("singer").performer.sends.count ("gtr") == 0);
    CHECK (fixture.mix ("singer").performer.sends.at ("vox").mute); // the rest of the layer stays

    // Removing an input altogether (its sends with it) prunes too.
    REQUIRE (fixture.document.edit ("remove vox", [] (Session& s)
    {
        std::erase_if (s.inputs, [] (const LiveInput& i) { return i.id == "vox"; });
        for (auto& m : s.mixes)
            m.sends.erase ("vox");
    }).empty());
    CHECK (fixture.mix ("singer").performer.sends.empty());

    // prunePerformerLayers on its own.
    Session session = makeRemoteTestSession();
    session.mixes[1].performer.sends["gtr"].gainOffsetDb = 2.0;
    session.mixes[1].performer.sends["nosuch"].gainOffsetDb = 2.0;
    prunePerformerLayers (session);
    CHECK (session.mixes[1].performer.sends.count ("gtr") == 1);
    CHECK (session.mixes[1].performer.sends.count ("nosuch") == 0);
}

TEST_CASE ("Performer layer: what the performer hears is clamped, and the engineer's off stays off", "[remote][performer]")
{
    namespace limits = sessionLimits;
    CueMix mix;
    mix.sends["a"] = { 10.0, 0.8, false };
    mix.sends["b"] = { -144.0, 0.0, false };  // off
    mix.sends["c"] = { -20.0, -0.5, true };   // the engineer mutes it

    mix.performer.sends["a"] = { 24.0, 0.5, false };
    auto heard = effectiveSend (mix, "a");
    CHECK (heard.gainDb == limits::maxGainDb);       // 10 + 24, clamped to +12
    CHECK (heard.pan == 1.0);                        // 0.8 + 0.5, clamped
    mix.performer.sends["a"] = { -156.0, -2.0, false };
    heard = effectiveSend (mix, "a");
    CHECK (heard.gainDb == limits::minGainDb);
    CHECK (heard.pan == -1.0);

    mix.performer.sends["b"] = { 24.0, 0.0, false };
    CHECK (effectiveSend (mix, "b").gainDb == limits::minGainDb); // an offset never opens a closed send

    mix.performer.sends["c"] = { 0.0, 0.0, false };
    CHECK (effectiveSend (mix, "c").mute);           // either mute wins
    mix.sends["c"].mute = false;
    mix.performer.sends["c"].mute = true;
    CHECK (effectiveSend (mix, "c").mute);

    CHECK (effectiveSend (mix, "nosuch").gainDb == limits::minGainDb);
    CHECK (effectiveSend (mix, "nosuch").mute);

    // Setting what is heard keeps the offset within its range.
    CueMix m2;
    m2.sends["v"] = { -140.0, 0.9, false };
    setPerformerGain (m2, "v", 12.0);                // +152 wanted: +24 at most
    CHECK (m2.performer.sends.at ("v").gainOffsetDb == limits::maxPerformerOffsetDb);
    CHECK (effectiveSend (m2, "v").gainDb == -116.0);
    m2.sends["v"].gainDb = 12.0;
    setPerformerGain (m2, "v", -1000.0);             // fully off: -156 from +12
    CHECK (m2.performer.sends.at ("v").gainOffsetDb == limits::minPerformerOffsetDb);
    CHECK (effectiveSend (m2, "v").gainDb == limits::minGainDb);
    setPerformerPan (m2, "v", -5.0);                 // -1 wanted from 0.9
    CHECK (m2.performer.sends.at ("v").panOffset == Approx (-1.9));
    CHECK (effectiveSend (m2, "v").pan == Approx (-1.0));
    setPerformerGain (m2, "nosuch", 0.0);            // not sent: nothing
    CHECK (m2.performer.sends.count ("nosuch") == 0);

    m2.masterDb = 6.0;
    setPerformerMaster (m2, 12.0);
    CHECK (m2.performer.masterOffsetDb == 6.0);
    m2.masterDb = 10.0;                              // the engineer raises the master: clamped at +12
    CHECK (effectiveMasterDb (m2) == limits::maxGainDb);
    m2.masterDb = limits::minGainDb;                 // the engineer's master off stays off
    CHECK (effectiveMasterDb (m2) == limits::minGainDb);
}

TEST_CASE ("Performer layer: going back to the engineer's value forgets the offset", "[remote][performer]")
{
    CueMix mix;
    mix.sends["v"] = { -3.0, 0.25, false };
    setPerformerGain (mix, "v", 1.0);
    setPerformerPan (mix, "v", 0.5);
    REQUIRE (mix.performer.sends.count ("v") == 1);
    setPerformerGain (mix, "v", -3.0);
    CHECK (mix.performer.sends.count ("v") == 1);     // the pan offset is still there
    setPerformerPan (mix, "v", 0.25);
    CHECK (mix.performer.sends.count ("v") == 0);     // nothing left: tidy
    setPerformerMute (mix, "v", true);
    setPerformerMute (mix, "v", false);
    CHECK (mix.performer.sends.empty());
}

//==============================================================================
// Audit

TEST_CASE ("Audit: reverting one entry puts back exactly what it changed while later edits stay", "[remote][audit]")
{
    DocumentFixture fixture;
    auto& document = fixture.document;

    REQUIRE (fixture.apply ("singer (web 10.0.0.5)", { change (Control::gain, "vox", 7.0, "singer") }).empty());      // entry 0
    REQUIRE (document.edit ("gtr -5", [] (Session& s) { findMix (s, "guitarist")->sends["gtr"].gainDb = -5.0; }).empty()); // entry 1
    REQUIRE (fixture.apply ("singer (web 10.0.0.5)", { change (Control::gain, "gtr", -5.0, "singer") }).empty());     // entry 2
    REQUIRE (document.getAuditLog().size() == 3);
    CHECK (document.getAuditLog()[0].who == "singer (web 10.0.0.5)");
    CHECK (document.getAuditLog()[1].who == "engineer");

    const auto beforeRevert = document.getSession();
    REQUIRE (document.revertAuditEntry (0, EditOrigin { "engineer" }).empty());

    const auto& after = document.getSession();
    CHECK (findMix (after, "singer")->performer.sends.count ("vox") == 0);               // entry 0 undone
    CHECK (findMix (after, "singer")->performer.sends.at ("gtr").gainOffsetDb == 3.0);   // entry 2 stays
    CHECK (findMix (after, "guitarist")->sends.at ("gtr").gainDb == -5.0);              // entry 1 stays

    // Nothing else moved.
    auto expected = beforeRevert;
    findMix (expected, "singer")->performer.sends.erase ("vox");
    CHECK (after == expected);
    CHECK (document.getAuditLog().back().what == "Revert " + document.getAuditLog()[0].what);

    // And the engineer's own entry, reverted, leaves the performer's layer alone.
    REQUIRE (document.revertAuditEntry (1).empty());
    CHECK (findMix (document.getSession(), "guitarist")->sends.at ("gtr").gainDb == 0.0);
    CHECK (findMix (document.getSession(), "singer")->performer.sends.at ("gtr").gainOffsetDb == 3.0);

    CHECK_FALSE (document.revertAuditEntry (999).empty());
}

TEST_CASE ("Audit: reverting an entry changes the mix it changed, even after the engineer removed an earlier mix", "[remote][audit]")
{
    auto session = makeRemoteTestSession();
    CueMix drummer;
    drummer.id = "drummer";
    drummer.name = "Drummer";
    drummer.outputs = { 5, 6 };
    drummer.sends["click"] = { 0.0, 0.0, false };
    drummer.sends["gtr"] = { -6.0, 0.0, false };
    drummer.performer.masterOffsetDb = 1.0;
    drummer.performer.sends["gtr"] = { -3.0, 0.0, false };
    drummer.remote.token = "drummer-token-0004";
    session.mixes.push_back (drummer);
    DocumentFixture fixture (session);
    auto& document = fixture.document;

    // The guitarist (the second mix) turns their master up by 2 dB.
    REQUIRE (fixture.apply ("guitarist (osc 10.0.0.7)", { change (Control::master, {}, 0.0, "guitarist") }).empty());
    REQUIRE (fixture.mix ("guitarist").performer.masterOffsetDb == 2.0);
    // The engineer removes the singer's mix: the guitarist is now the first mix.
    REQUIRE (document.edit ("remove singer", [] (Session& s) { s.mixes.erase (s.mixes.begin()); }).empty());
    const auto beforeRevert = document.getSession();

    // Reverting the guitarist's entry must undo the guitarist's change, and touch no one else.
    const auto errors = document.revertAuditEntry (0);
    if (errors.empty())
    {
        CHECK (fixture.mix ("guitarist").performer.masterOffsetDb == 0.0);
        CHECK (fixture.mix ("drummer").performer.masterOffsetDb == 1.0);
        CHECK (fixture.mix ("drummer").performer.sends.at ("gtr").gainOffsetDb == -3.0);
        auto expected = beforeRevert;
        findMix (expected, "guitarist")->performer.masterOffsetDb = 0.0;
        CHECK (document.getSession() == expected);
    }
    else
    {
        // Refusing is acceptable; changing another mix is not.
        INFO (errors.front().message);
        CHECK (document.getSession() == beforeRevert);
        FAIL_CHECK ("the revert was refused although the guitarist's mix is still there");
    }
}

TEST_CASE ("Audit: a drag from one remote is one audit line and one undo step", "[remote][audit]")
{
    DocumentFixture fixture;
    auto& document = fixture.document;
    const auto original = document.getSession();

    for (double value = 3.5; value <= 8.0; value += 0.5)
        REQUIRE (fixture.apply ("singer (web 10.0.0.5)", { change (Control::gain, "vox", value, "singer") }).empty());

    REQUIRE (document.getAuditLog().size() == 1);
    const auto& entry = document.getAuditLog().front();
    CHECK (entry.who == "singer (web 10.0.0.5)");
    // The line holds the drag's change: from where it started to where it ended.
    auto entryBefore = document.getSession();
    entry.change.applyBackward (entryBefore);
    auto entryAfter = original;
    entry.change.applyForward (entryAfter);
    CHECK (entryBefore == original);
    CHECK (entryAfter == document.getSession());
    CHECK (findMix (entryAfter, "singer")->performer.sends.at ("vox").gainOffsetDb == 5.0);

    // One undo step takes the whole drag back.
    document.undo();
    CHECK (document.getSession() == original);
    CHECK_FALSE (document.canUndo());
    document.redo();

    // Another control, or another client on the same control, is a new line.
    REQUIRE (fixture.apply ("singer (web 10.0.0.5)", { change (Control::master, {}, 1.0, "singer") }).empty());
    CHECK (document.getAuditLog().size() == 2);
    REQUIRE (fixture.apply ("singer (osc 10.0.0.9)", { change (Control::master, {}, 2.0, "singer") }).empty());
    CHECK (document.getAuditLog().size() == 3);
    REQUIRE (fixture.apply ("singer (osc 10.0.0.9)", { change (Control::master, {}, 2.5, "singer") }).empty());
    CHECK (document.getAuditLog().size() == 3);
    // The same control after something else is a new line too.
    REQUIRE (fixture.apply ("singer (web 10.0.0.5)", { change (Control::gain, "vox", 0.0, "singer") }).empty());
    CHECK (document.getAuditLog().size() == 4);

    // Reverting the drag's line puts back where the drag started.
    REQUIRE (document.revertAuditEntry (0).empty());
    CHECK (fixture.mix ("singer").performer.sends.count ("vox") == 0);
    CHECK (fixture.mix ("singer").performer.masterOffsetDb == 2.5); // the master moves stay
}

TEST_CASE ("Remote edits: a flood on one control is one pending change, one edit per client per batch", "[remote][audit]")
{
    PendingRemoteChanges pending;
    for (int i = 0; i < 10000; ++i)
        pending.push ("singer (web 10.0.0.5)", change (Control::gain, "vox", -static_cast<double> (i % 40) * 0.5, "singer"));
    pending.push ("singer (web 10.0.0.5)", change (Control::master, {}, 1.0, "singer"));
    pending.push ("guitarist (web 10.0.0.6)", change (Control::gain, "gtr", -1.0, "guitarist"));
    pending.push ("singer (web 10.0.0.5)", change (Control::gain, "vox", -4.0, "singer")); // latest wins

    auto entries = pending.takeAll();
    REQUIRE (entries.size() == 3);
    CHECK (entries[0].change.control == Control::gain);
    CHECK (entries[0].change.value == -4.0);
    CHECK (entries[1].change.control == Control::master);
    CHECK (entries[2].client == "guitarist (web 10.0.0.6)");
    CHECK (pending.takeAll().empty());

    DocumentFixture fixture;
    const auto changes = fixture.document.getChangeCount();
    REQUIRE (applyRemoteChanges (fixture.document, entries).empty());
    CHECK (fixture.document.getChangeCount() == changes + 2); // one edit per client
    CHECK (fixture.document.getAuditLog().size() == 2);
    CHECK (fixture.mix ("singer").performer.sends.at ("vox").gainOffsetDb == -7.0);
    CHECK (fixture.mix ("singer").performer.masterOffsetDb == 1.0);
    CHECK (fixture.mix ("guitarist").performer.sends.at ("gtr").gainOffsetDb == -1.0);
}
