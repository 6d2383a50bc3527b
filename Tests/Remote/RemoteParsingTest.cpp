// What the remotes read from the network, before any of it goes near a session: the web
// page's JSON messages, OSC packets and addresses, tokens and the rate limiter.

#include "Remote/OscAddress.h"
#include "Remote/OscPacket.h"
#include "Remote/RateLimiter.h"
#include "Remote/RemoteDirectory.h"
#include "Remote/RemoteToken.h"
#include "Remote/RemoteValidation.h"
#include "Remote/WebMessage.h"
#include "Remote/Support/OscBytes.h"
#include "Remote/Support/RemoteTestFixture.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <set>

using namespace foldback;
using namespace foldback::test;

namespace
{
    using Control = RemoteChange::Control;

    RemoteChange parsedChange (std::string_view text)
    {
        auto parsed = parseWebMessage (text);
        if (const auto* error = std::get_if<std::string> (&parsed))
            FAIL ("refused: " << *error << " for " << text);
        return std::get<RemoteChange> (parsed);
    }

    std::string refusal (std::string_view text)
    {
        auto parsed = parseWebMessage (text);
        if (const auto* error = std::get_if<std::string> (&parsed))
            return *error;
        return {};
    }

    bool parses (const OscBytes& bytes, std::vector<OscMessage>& messages, std::string& error)
    {
        return parseOscPacket (bytes.data(), bytes.size(), messages, error);
    }

    OscMessage message (const std::string& address, std::vector<OscMessage::Argument> arguments = {})
    {
        return OscMessage { address, std::move (arguments) };
    }
}

//==============================================================================
// Web messages

TEST_CASE ("Web message: valid set and reset messages become the change they ask for", "[remote][parsing]")
{
    auto gain = parsedChange (R"({"type":"set","control":"gain","source":"vox","value":-1.5})");
    CHECK (gain.control == Control::gain);
    CHECK (gain.sourceId == "vox");
    CHECK (gain.value == -1.5);
    CHECK (gain.mixId.empty());        // a page never names the mix: its token does
    CHECK_FALSE (gain.engineerLevel);  // a page is always a performer

    auto pan = parsedChange (R"({"type":"set","control":"pan","source":"gtr","value":0.25})");
    CHECK (pan.control == Control::pan);
    CHECK (pan.sourceId == "gtr");
    CHECK (pan.value == 0.25);

    auto master = parsedChange (R"({"type":"set","control":"master","value":1})");
    CHECK (master.control == Control::master);
    CHECK (master.value == 1.0);
    CHECK (master.sourceId.empty());

    auto clickGain = parsedChange (R"({"value":-20,"source":"click","control":"gain","type":"set"})");
    CHECK (clickGain.control == Control::gain);
    CHECK (clickGain.sourceId == "click");

    CHECK (parsedChange (R"({"type":"reset"})").control == Control::reset);
    CHECK (parsedChange (" \n{\"type\" : \"reset\"}\t").control == Control::reset);
}

TEST_CASE ("Web message: a field outside the protocol (a mix id, a ceiling) refuses the whole message", "[remote][parsing]")
{
    CHECK (refusal (R"({"type":"set","control":"master","value":-3,"mix":"guitarist"})") == "unknown field 'mix'");
    CHECK (refusal (R"({"type":"set","control":"gain","source":"vox","value":0,"limiterCeilingDb":0})") == "unknown field 'limiterCeilingDb'");
    CHECK (refusal (R"({"type":"reset","engineer":true})") == "unknown field 'engineer'");
    CHECK (parsedChange (R"({"type":"set","control":"master","value":-3})").control == Control::master);
}

TEST_CASE ("Web message: mute takes true, false, 0 or 1 and nothing else", "[remote][parsing]")
{
    CHECK (parsedChange (R"({"type":"set","control":"mute","source":"vox","value":true})").value == 1.0);
    CHECK (parsedChange (R"({"type":"set","control":"mute","source":"vox","value":false})").value == 0.0);
    CHECK (parsedChange (R"({"type":"set","control":"mute","source":"vox","value":1})").value == 1.0);
    CHECK (parsedChange (R"({"type":"set","control":"mute","source":"vox","value":0})").value == 0.0);
    CHECK (parsedChange (R"({"type":"set","control":"mute","source":"vox","value":0})").control == Control::mute);

    CHECK_FALSE (refusal (R"({"type":"set","control":"mute","source":"vox","value":2})").empty());
    CHECK_FALSE (refusal (R"({"type":"set","control":"mute","source":"vox","value":-1})").empty());
    CHECK_FALSE (refusal (R"({"type":"set","control":"mute","source":"vox","value":0.5})").empty());
    CHECK_FALSE (refusal (R"({"type":"set","control":"mute","source":"vox","value":"true"})").empty());
    CHECK_FALSE (refusal (R"({"type":"set","control":"mute","source":"vox","value":null})").empty());
    CHECK_FALSE (refusal (R"({"type":"set","control":"mute","source":"vox","value":[1]})").empty());
}

TEST_CASE ("Web message: text that is not a JSON object is refused", "[remote][parsing]")
{
    CHECK (refusal ("") == "not JSON");
    CHECK (refusal ("hello") == "not JSON");
    CHECK (refusal ("{") == "not JSON");
    CHECK (refusal (R"({"type":"set","control":"gain","source":"vox","value":-1.5)") == "not JSON");
    CHECK (refusal (R"({"type":"set","control":"gain","source":"vox","value":NaN})") == "not JSON");
    CHECK (refusal (R"({"type":"set","control":"gain","source":"vox","value":Infinity})") == "not JSON");
    CHECK (refusal (R"({'type':'reset'})") == "not JSON");
    CHECK (refusal (std::string ("{\"type\":\"reset\"}\0garbage", 24)) == "not JSON");
    CHECK (refusal (R"({"type":"reset"} {"type":"reset"})") == "not JSON");

    CHECK_FALSE (refusal ("[1,2,3]").empty());
    CHECK_FALSE (refusal ("null").empty());
    CHECK_FALSE (refusal ("42").empty());
    CHECK_FALSE (refusal (R"("reset")").empty());

    // As deep as 4096 bytes allow: refused, without a crash.
    CHECK_FALSE (refusal (std::string (2048, '[') + std::string (2048, ']')).empty());
    CHECK_FALSE (refusal (std::string (4095, '[')).empty());
}

TEST_CASE ("Web message: missing fields and wrong types are refused", "[remote][parsing]")
{
    const char* bad[] = {
        R"({})",
        R"({"control":"gain","source":"vox","value":1})",                 // no type
        R"({"type":5,"control":"gain","source":"vox","value":1})",
        R"({"type":"SET","control":"gain","source":"vox","value":1})",
        R"({"type":"get","control":"gain","source":"vox","value":1})",
        R"({"type":"set","source":"vox","value":1})",                     // no control
        R"({"type":"set","control":1,"source":"vox","value":1})",
        R"({"type":"set","control":"volume","source":"vox","value":1})",
        R"({"type":"set","control":"limiterCeilingDb","value":-1})",
        R"({"type":"set","control":"ceiling","value":-1})",
        R"({"type":"set","control":"play"})",
        R"({"type":"set","control":"talkback","value":1})",
        R"({"type":"set","control":"gain","value":1})",                   // no source
        R"({"type":"set","control":"gain","source":7,"value":1})",
        R"({"type":"set","control":"gain","source":null,"value":1})",
        R"({"type":"set","control":"pan","source":["vox"],"value":1})",
        R"({"type":"set","control":"gain","source":"vox"})",              // no value
        R"({"type":"set","control":"gain","source":"vox","value":"-3"})",
        R"({"type":"set","control":"gain","source":"vox","value":null})",
        R"({"type":"set","control":"gain","source":"vox","value":true})",
        R"({"type":"set","control":"pan","source":"vox","value":{"x":1}})",
        R"({"type":"set","control":"master"})",
        R"({"type":"set","control":"master","value":"loud"})",
    };
    for (const auto* text : bad)
    {
        INFO (text);
        CHECK_FALSE (refusal (text).empty());
    }

    // A source id longer than any id can be is refused before it goes anywhere.
    CHECK (refusal (R"({"type":"set","control":"gain","source":")" + std::string (65, 'a') + R"(","value":1})")
           == "'source' must be a source id");
    CHECK (parsedChange (R"({"type":"set","control":"gain","source":")" + std::string (64, 'a') + R"(","value":1})").sourceId.size() == 64);
}

TEST_CASE ("Web message: 1e999, JSON's only way to say infinity, is refused by the parser or else by validation", "[remote][parsing]")
{
    // JSON has no NaN or infinity, but an overflowing literal may come out infinite: if the
    // parser lets it through, validation must stop it.
    const auto directory = RemoteDirectory::build (makeRemoteTestSession());
    const RemoteIdentity singer { false, "singer" };

    for (const auto* text : { R"({"type":"set","control":"gain","source":"vox","value":1e999})",
                              R"({"type":"set","control":"gain","source":"vox","value":-1e999})",
                              R"({"type":"set","control":"master","value":1e999})" })
    {
        INFO (text);
        auto parsed = parseWebMessage (text);
        if (const auto* change = std::get_if<RemoteChange> (&parsed))
        {
            CHECK_FALSE (std::isfinite (change->value));
            const auto verdict = validateRemoteChange (*directory, singer, *change);
            CHECK_FALSE (verdict.change.has_value());
            CHECK (verdict.error == "value must be a finite number");
        }
        else
        {
            SUCCEED ("refused by the parser: " << std::get<std::string> (parsed));
        }
    }
}

TEST_CASE ("Web message: at most 4096 bytes", "[remote][parsing]")
{
    const std::string message = R"({"type":"set","control":"gain","source":"vox","value":-1.5})";
    const auto padded = [&] (std::size_t size) { return message + std::string (size - message.size(), ' '); };

    CHECK (parsedChange (padded (4096)).value == -1.5);
    CHECK (refusal (padded (4097)) == "message too large: 4097 bytes, at most 4096");
    CHECK_FALSE (refusal (padded (65536)).empty());
}

//==============================================================================
// OSC packets

TEST_CASE ("OSC packet: a message with int, float and string arguments", "[remote][parsing]")
{
    std::vector<OscMessage> messages;
    std::string error;
    const auto bytes = oscMessage ("/foldback/abc/send/vox/gain", { std::int32_t { -7 }, 0.25f, std::string ("hello"), std::string ("") });
    REQUIRE (bytes.size() % 4 == 0);
    REQUIRE (parses (bytes, messages, error));
    REQUIRE (messages.size() == 1);
    CHECK (messages[0].address == "/foldback/abc/send/vox/gain");
    REQUIRE (messages[0].arguments.size() == 4);
    CHECK (std::get<std::int32_t> (messages[0].arguments[0]) == -7);
    CHECK (std::get<float> (messages[0].arguments[1]) == 0.25f);
    CHECK (std::get<std::string> (messages[0].arguments[2]) == "hello");
    CHECK (std::get<std::string> (messages[0].arguments[3]).empty());
}

TEST_CASE ("OSC packet: true, false and a message without type tags", "[remote][parsing]")
{
    std::vector<OscMessage> messages;
    std::string error;

    OscBytes tf;
    appendOscString (tf, "/a");
    appendOscString (tf, ",TF");
    REQUIRE (parses (tf, messages, error));
    REQUIRE (messages[0].arguments.size() == 2);
    CHECK (std::get<std::int32_t> (messages[0].arguments[0]) == 1);
    CHECK (std::get<std::int32_t> (messages[0].arguments[1]) == 0);

    OscBytes old;
    appendOscString (old, "/foldback/abc/reset");
    REQUIRE (parses (old, messages, error));
    REQUIRE (messages.size() == 1);
    CHECK (messages[0].arguments.empty());
}

TEST_CASE ("OSC packet: truncated packets are refused", "[remote][parsing]")
{
    const auto whole = oscMessage ("/foldback/abc/send/vox/gain", { 1.0f, std::int32_t { 2 }, std::string ("three") });
    std::vector<OscMessage> messages;
    std::string error;
    REQUIRE (parses (whole, messages, error));

    for (std::size_t size = 0; size < whole.size(); ++size)
    {
        INFO ("size " << size);
        const OscBytes cut (whole.begin(), whole.begin() + static_cast<std::ptrdiff_t> (size));
        const bool ok = parses (cut, messages, error);
        // Cutting after the address alone leaves a valid old-style message; nothing else may pass.
        if (size == 28)
        {
            CHECK (ok);
            continue;
        }
        CHECK_FALSE (ok);
        CHECK_FALSE (error.empty());
    }

    // A string argument whose terminator is missing, with nothing after it.
    OscBytes noTerminator;
    appendOscString (noTerminator, "/a");
    appendOscString (noTerminator, ",s");
    for (char c : std::string ("abcd"))
        noTerminator.push_back (static_cast<std::uint8_t> (c));
    CHECK_FALSE (parses (noTerminator, messages, error));

    CHECK_FALSE (parseOscPacket (nullptr, 0, messages, error));
    CHECK_FALSE (parseOscPacket (nullptr, 8, messages, error));
}

TEST_CASE ("OSC packet: a size that is not a multiple of 4 is refused", "[remote][parsing]")
{
    auto bytes = oscMessage ("/foldback/abc/master", { 1.0f });
    std::vector<OscMessage> messages;
    std::string error;
    REQUIRE (parses (bytes, messages, error));

    for (int extra = 1; extra <= 3; ++extra)
    {
        auto longer = bytes;
        longer.insert (longer.end(), static_cast<std::size_t> (extra), 0);
        CHECK_FALSE (parses (longer, messages, error));
        CHECK (error == "an OSC packet's size must be a non-zero multiple of 4");
    }
    OscBytes shorter (bytes.begin(), bytes.end() - 1);
    CHECK_FALSE (parses (shorter, messages, error));
}

TEST_CASE ("OSC packet: bad addresses and type tags are refused", "[remote][parsing]")
{
    std::vector<OscMessage> messages;
    std::string error;

    auto withTags = [] (const std::string& address, const std::string& tags, std::size_t argumentBytes)
    {
        OscBytes bytes;
        appendOscString (bytes, address);
        appendOscString (bytes, tags);
        bytes.insert (bytes.end(), argumentBytes, 0);
        return bytes;
    };

    CHECK_FALSE (parses (withTags ("/a", "ffi", 12), messages, error));   // no leading comma
    CHECK_FALSE (parses (withTags ("/a", ",d", 8), messages, error));     // double: unsupported
    CHECK (error == "unsupported OSC argument type 'd'");
    CHECK_FALSE (parses (withTags ("/a", ",b", 8), messages, error));     // blob: unsupported
    CHECK_FALSE (parses (withTags ("/a", ",h", 8), messages, error));     // int64: unsupported
    CHECK_FALSE (parses (withTags ("/a", ",[f]", 4), messages, error));   // arrays: unsupported
    CHECK_FALSE (parses (withTags ("/a", ",N", 0), messages, error));
    CHECK_FALSE (parses (withTags ("/a", ",fff", 8), messages, error));   // one float short
    CHECK_FALSE (parses (withTags ("/a", "", 4), messages, error));       // empty tag string
    CHECK_FALSE (parses (withTags ("a", ",f", 4), messages, error));      // no leading slash
    CHECK_FALSE (parses (withTags ("", ",f", 4), messages, error));       // empty address

    OscBytes zeros (16, 0);
    CHECK_FALSE (parses (zeros, messages, error));
}

TEST_CASE ("OSC packet: bundles, nested bundles and the nesting limit", "[remote][parsing]")
{
    std::vector<OscMessage> messages;
    std::string error;
    const auto a = oscMessage ("/a", { 1.0f });
    const auto b = oscMessage ("/b", { std::int32_t { 2 } });

    REQUIRE (parses (oscBundle ({ a, b }), messages, error));
    REQUIRE (messages.size() == 2);
    CHECK (messages[0].address == "/a");
    CHECK (messages[1].address == "/b");

    REQUIRE (parses (oscBundle ({ a, oscBundle ({ b, oscBundle ({ a }) }) }), messages, error));
    REQUIRE (messages.size() == 3);
    CHECK (messages[2].address == "/a");

    CHECK (parses (oscBundle ({}), messages, error));
    CHECK (messages.empty());

    // Four bundles deep is the limit; five is refused, and so is anything deeper.
    REQUIRE (parses (nestedBundles (4, a), messages, error));
    CHECK (messages.size() == 1);
    CHECK_FALSE (parses (nestedBundles (5, a), messages, error));
    CHECK (error == "OSC bundles nested too deep");
    CHECK_FALSE (parses (nestedBundles (40, a), messages, error));

    // At most 64 messages in one packet.
    std::vector<OscBytes> many (64, oscMessage ("/m"));
    CHECK (parses (oscBundle (many), messages, error));
    CHECK (messages.size() == 64);
    many.push_back (oscMessage ("/m"));
    CHECK_FALSE (parses (oscBundle (many), messages, error));

    // Element sizes that lie.
    auto lying = oscBundle ({ a });
    lying[16 + 3] = static_cast<std::uint8_t> (a.size() + 4);   // longer than what is left
    CHECK_FALSE (parses (lying, messages, error));
    lying[16 + 3] = 0;                                            // zero
    CHECK_FALSE (parses (lying, messages, error));
    lying[16] = 0x80;                                             // negative
    CHECK_FALSE (parses (lying, messages, error));
    auto odd = oscBundle ({ a });
    odd[16 + 3] = static_cast<std::uint8_t> (a.size() - 2);      // not a multiple of 4 (then garbage)
    CHECK_FALSE (parses (odd, messages, error));

    OscBytes shortHeader;
    appendOscString (shortHeader, "#bundle");
    CHECK_FALSE (parses (shortHeader, messages, error));          // no time tag
    OscBytes wrongTag;
    appendOscString (wrongTag, "#bundlex");
    appendInt32 (wrongTag, 0);
    appendInt32 (wrongTag, 1);
    CHECK_FALSE (parses (wrongTag, messages, error));
}

TEST_CASE ("OSC packet: more than 1024 bytes is refused", "[remote][parsing]")
{
    std::vector<OscMessage> messages;
    std::string error;
    const auto fits = oscMessage ("/a", { std::string (1015, 'x') });   // 4 + 4 + 1016
    REQUIRE (fits.size() == 1024);
    CHECK (parses (fits, messages, error));
    const auto tooBig = oscMessage ("/a", { std::string (1016, 'x') });
    REQUIRE (tooBig.size() == 1028);
    CHECK_FALSE (parses (tooBig, messages, error));
}

TEST_CASE ("OSC packet: 200,000 random and mutated packets never crash the parser or the address reader", "[remote][parsing][fuzz]")
{
    std::mt19937 random (20240521u); // fixed: a failure reproduces
    auto byte = [&] { return static_cast<std::uint8_t> (random() & 0xff); };
    auto below = [&] (std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t> (random() % n); };

    const std::vector<OscBytes> seeds = {
        oscMessage ("/foldback/singer-token-0001/send/vox/gain", { -3.0f }),
        oscMessage ("/foldback/engineer-token-03/mix/singer/send/vox/mute", { std::int32_t { 1 } }),
        oscMessage ("/foldback/engineer-token-03/transport/play"),
        oscMessage ("/foldback/tok/master", { std::string ("x"), 1.0f, std::int32_t { 3 } }),
        oscBundle ({ oscMessage ("/a", { 1.0f }), oscBundle ({ oscMessage ("/b"), oscMessage ("/c", { std::string ("s") }) }) }),
        nestedBundles (4, oscMessage ("/foldback/t/reset")),
    };

    std::vector<OscMessage> messages;
    std::string error;
    std::size_t parsed = 0, requests = 0;

    for (int round = 0; round < 200000; ++round)
    {
        OscBytes packet;
        if (round % 2 == 0)
        {
            // Pure noise, sometimes shaped like a bundle or a message.
            packet.resize (below (1100));
            for (auto& b : packet)
                b = byte();
            if (! packet.empty() && round % 6 == 0)
                packet[0] = '/';
            if (packet.size() >= 8 && round % 10 == 0)
                std::memcpy (packet.data(), "#bundle", 8);
        }
        else
        {
            packet = seeds[below (seeds.size())];
            const auto mutations = 1 + below (6);
            for (std::size_t m = 0; m < mutations; ++m)
            {
                switch (below (6))
                {
                    case 0: if (! packet.empty()) packet[below (packet.size())] = byte(); break;
                    case 1: if (! packet.empty()) packet[below (packet.size())] ^= static_cast<std::uint8_t> (1u << below (8)); break;
                    case 2: packet.resize (below (packet.size() + 1)); break;
                    case 3: packet.insert (packet.begin() + static_cast<std::ptrdiff_t> (below (packet.size() + 1)), 4, byte()); break;
                    case 4: if (packet.size() >= 4) { const auto at = below (packet.size() / 4) * 4; packet[at] = 0x7f; packet[at + 1] = byte(); } break;
                    default: { const auto more = seeds[below (seeds.size())]; packet.insert (packet.end(), more.begin(), more.end()); break; }
                }
            }
        }

        if (parseOscPacket (packet.data(), packet.size(), messages, error))
        {
            ++parsed;
            REQUIRE (messages.size() <= 64);
            for (const auto& m : messages)
            {
                REQUIRE_FALSE (m.address.empty());
                REQUIRE (m.address[0] == '/');
                OscRequest request;
                if (readOscRequest (m, request, error))
                    ++requests;
            }
        }
        else
        {
            REQUIRE_FALSE (error.empty());
        }
    }

    INFO ("parsed " << parsed << ", requests " << requests);
    CHECK (parsed > 1000);  // the mutations keep plenty of packets valid, so the rest of the parser is exercised
    CHECK (requests > 100);
}

TEST_CASE ("Web message: 100,000 mutated messages never crash the parser", "[remote][parsing][fuzz]")
{
    std::mt19937 random (7u);
    const std::vector<std::string> seeds = {
        R"({"type":"set","control":"gain","source":"vox","value":-1.5})",
        R"({"type":"set","control":"mute","source":"vox","value":true})",
        R"({"type":"set","control":"master","value":1.0})",
        R"({"type":"reset"})",
    };
    const std::string alphabet = "{}[]\":,.-+eE0123456789 truefalsnul\\u\x01\xff\xc3";

    std::size_t accepted = 0;
    for (int round = 0; round < 100000; ++round)
    {
        auto text = seeds[random() % seeds.size()];
        const auto mutations = 1 + random() % 4;
        for (unsigned m = 0; m < mutations; ++m)
        {
            const auto at = text.empty() ? 0 : random() % text.size();
            switch (random() % 3)
            {
                case 0: if (! text.empty()) text[at] = alphabet[random() % alphabet.size()]; break;
                case 1: text.insert (at, 1, alphabet[random() % alphabet.size()]); break;
                default: if (! text.empty()) text.erase (at, 1 + random() % 3); break;
            }
        }
        auto parsed = parseWebMessage (text);
        if (std::holds_alternative<RemoteChange> (parsed))
            ++accepted;
        else
            REQUIRE_FALSE (std::get<std::string> (parsed).empty());
    }
    INFO ("accepted " << accepted);
    CHECK (accepted > 0);
}

//==============================================================================
// OSC addresses

TEST_CASE ("OSC address: a performer's addresses map to changes of their own mix", "[remote][parsing]")
{
    OscRequest request;
    std::string error;

    REQUIRE (readOscRequest (message ("/foldback/tok12345/send/vox/gain", { -3.5f }), request, error));
    CHECK (request.token == "tok12345");
    CHECK (request.change.control == Control::gain);
    CHECK (request.change.sourceId == "vox");
    CHECK (request.change.value == -3.5);
    CHECK (request.change.mixId.empty());
    CHECK_FALSE (request.change.engineerLevel);

    REQUIRE (readOscRequest (message ("/foldback/tok12345/send/gtr/pan", { std::int32_t { -1 } }), request, error));
    CHECK (request.change.control == Control::pan);
    CHECK (request.change.sourceId == "gtr");
    CHECK (request.change.value == -1.0);

    // A toggle sends 0.0 or 1.0; ints 0 and 1 too.
    REQUIRE (readOscRequest (message ("/foldback/tok12345/send/vox/mute", { 1.0f }), request, error));
    CHECK (request.change.control == Control::mute);
    CHECK (request.change.value == 1.0);
    REQUIRE (readOscRequest (message ("/foldback/tok12345/send/vox/mute", { 0.2f }), request, error));
    CHECK (request.change.value == 0.0);
    REQUIRE (readOscRequest (message ("/foldback/tok12345/send/vox/mute", { std::int32_t { 1 } }), request, error));
    CHECK (request.change.value == 1.0);

    REQUIRE (readOscRequest (message ("/foldback/tok12345/master", { 2.0f }), request, error));
    CHECK (request.change.control == Control::master);
    CHECK (request.change.value == 2.0);

    REQUIRE (readOscRequest (message ("/foldback/tok12345/reset"), request, error));
    CHECK (request.change.control == Control::reset);
    REQUIRE (readOscRequest (message ("/foldback/tok12345/subscribe"), request, error));
    CHECK (request.change.control == Control::subscribe);
}

TEST_CASE ("OSC address: the engineer's addresses name the mix, and transport and talkback have no /mix", "[remote][parsing]")
{
    OscRequest request;
    std::string error;

    REQUIRE (readOscRequest (message ("/foldback/engineer1/mix/singer/send/vox/gain", { -6.0f }), request, error));
    CHECK (request.token == "engineer1");
    CHECK (request.change.mixId == "singer");
    CHECK (request.change.sourceId == "vox");
    CHECK (request.change.control == Control::gain);
    CHECK (request.change.engineerLevel);

    REQUIRE (readOscRequest (message ("/foldback/engineer1/mix/guitarist/master", { -1.0f }), request, error));
    CHECK (request.change.mixId == "guitarist");
    CHECK (request.change.control == Control::master);
    CHECK (request.change.engineerLevel);

    REQUIRE (readOscRequest (message ("/foldback/engineer1/transport/play"), request, error));
    CHECK (request.change.control == Control::play);
    REQUIRE (readOscRequest (message ("/foldback/engineer1/transport/stop"), request, error));
    CHECK (request.change.control == Control::stop);
    REQUIRE (readOscRequest (message ("/foldback/engineer1/talkback", { std::int32_t { 1 } }), request, error));
    CHECK (request.change.control == Control::talkback);
    CHECK (request.change.value == 1.0);
    REQUIRE (readOscRequest (message ("/foldback/engineer1/talkback", { 0.0f }), request, error));
    CHECK (request.change.value == 0.0);

    // Transport and talkback under a mix do not exist.
    CHECK_FALSE (readOscRequest (message ("/foldback/engineer1/mix/singer/transport/play"), request, error));
    CHECK_FALSE (readOscRequest (message ("/foldback/engineer1/mix/singer/talkback", { std::int32_t { 1 } }), request, error));
}

TEST_CASE ("OSC address: unknown addresses and wrong arguments are refused", "[remote][parsing]")
{
    OscRequest request;
    std::string error;

    const std::vector<OscMessage> bad = {
        message ("/", {}),
        message ("/foldback", {}),
        message ("/foldback/tok12345", {}),
        message ("/other/tok12345/master", { 1.0f }),
        message ("/Foldback/tok12345/master", { 1.0f }),
        message ("/foldback/tok12345/limiterCeilingDb", { -1.0f }),
        message ("/foldback/tok12345/mix/singer/limiterCeilingDb", { -1.0f }),
        message ("/foldback/tok12345/mix/singer/limiter/ceiling", { -1.0f }),
        message ("/foldback/tok12345/send/vox", { 1.0f }),
        message ("/foldback/tok12345/send/vox/volume", { 1.0f }),
        message ("/foldback/tok12345/send/vox/gain/extra", { 1.0f }),
        message ("/foldback/tok12345/send/vox/gain"),                                    // no value
        message ("/foldback/tok12345/send/vox/gain", { 1.0f, 2.0f }),                    // two values
        message ("/foldback/tok12345/send/vox/gain", { std::string ("loud") }),
        message ("/foldback/tok12345/master", { std::string ("1") }),
        message ("/foldback/tok12345/reset", { 1.0f }),                                  // reset takes nothing
        message ("/foldback/tok12345/subscribe", { std::int32_t { 1 } }),
        message ("/foldback/tok12345/transport/play", { 1.0f }),
        message ("/foldback/tok12345/transport/rewind"),
        message ("/foldback/tok12345/talkback"),
        message ("/foldback/tok12345/mix/singer"),
        message ("/foldback/tok12345/mix/singer/send/vox"),
        message ("/foldback/tok12345/mix/singer/mix/guitarist/master", { 1.0f }),
    };
    for (const auto& m : bad)
    {
        INFO (m.address);
        CHECK_FALSE (readOscRequest (m, request, error));
        CHECK_FALSE (error.empty());
    }

    CHECK (oscPrefix ("abc") == "/foldback/abc");
}

//==============================================================================
// Tokens

TEST_CASE ("Remote token: tokensMatch accepts only the exact token", "[remote][parsing]")
{
    const std::string known = "singer-token-0001";
    CHECK (tokensMatch (known, known));
    CHECK (tokensMatch (std::string (known), known));
    CHECK_FALSE (tokensMatch ("singer-token-0002", known));          // last character
    CHECK_FALSE (tokensMatch ("Singer-token-0001", known));          // first character, case
    CHECK_FALSE (tokensMatch ("singer-token-000", known));           // a prefix
    CHECK_FALSE (tokensMatch ("singer-token-00011", known));         // longer
    CHECK_FALSE (tokensMatch (known + std::string (1, '\0'), known)); // a trailing NUL
    CHECK_FALSE (tokensMatch ("", known));
    CHECK_FALSE (tokensMatch ("", ""));                               // an empty known token never matches
    CHECK_FALSE (tokensMatch ("anything", ""));
}

TEST_CASE ("Remote token: generated tokens are 22 URL-safe characters and differ", "[remote][parsing]")
{
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i)
    {
        const auto token = generateRemoteToken();
        REQUIRE (token.size() == 22);
        for (char c : token)
        {
            INFO (token);
            REQUIRE (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'));
        }
        seen.insert (token);
    }
    CHECK (seen.size() == 1000);
    CHECK (generateRemoteToken() != generateRemoteToken());

    // Every character of the alphabet turns up (a biased or truncated alphabet would not).
    std::set<char> characters;
    for (const auto& token : seen)
        characters.insert (token.begin(), token.end());
    CHECK (characters.size() == 64);
}

//==============================================================================
// Rate limiter

TEST_CASE ("Rate limiter: exactly 400 pass at one instant, then 200 a second", "[remote][parsing]")
{
    using Clock = RateLimiter::Clock;
    RateLimiter limiter (200.0, 400.0);
    const auto t0 = Clock::now() + std::chrono::seconds (1);

    int passed = 0;
    for (int i = 0; i < 1000; ++i)
        passed += limiter.allow (t0) ? 1 : 0;
    CHECK (passed == 400);

    // Nothing more at the same instant, however often asked.
    CHECK_FALSE (limiter.allow (t0));

    // A second later: 200 more.
    const auto t1 = t0 + std::chrono::seconds (1);
    passed = 0;
    for (int i = 0; i < 1000; ++i)
        passed += limiter.allow (t1) ? 1 : 0;
    CHECK (passed == 200);

    // 10 ms later: two.
    const auto t2 = t1 + std::chrono::milliseconds (10);
    passed = 0;
    for (int i = 0; i < 10; ++i)
        passed += limiter.allow (t2) ? 1 : 0;
    CHECK (passed >= 1);
    CHECK (passed <= 2);

    // A long pause refills to the burst, not beyond.
    const auto t3 = t2 + std::chrono::hours (1);
    passed = 0;
    for (int i = 0; i < 1000; ++i)
        passed += limiter.allow (t3) ? 1 : 0;
    CHECK (passed == 400);
}

TEST_CASE ("Rate limiter: a steady 1000 messages a second for 10 s lets through the burst plus 200 a second", "[remote][parsing]")
{
    using Clock = RateLimiter::Clock;
    RateLimiter limiter; // the remotes' defaults: 200 a second, bursts of 400
    const auto t0 = Clock::now() + std::chrono::seconds (1);

    int passed = 0;
    for (int ms = 0; ms < 10000; ++ms)
        passed += limiter.allow (t0 + std::chrono::milliseconds (ms)) ? 1 : 0;
    // 400 at once, then 0.2 a millisecond for 9.999 s.
    CHECK (passed >= 2398);
    CHECK (passed <= 2400);

    // A clock that steps back gives nothing extra.
    CHECK_FALSE (limiter.allow (t0));
}
