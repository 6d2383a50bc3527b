#include "Engine/CpuFeatures.h"
#include "Engine/MixTerms.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <random>
#include <vector>

using namespace foldback;
using namespace foldback::kernels;

namespace
{
    /** Random terms over a shared pool: mono sources panned into the pair (both sides read
        the same buffer), stereo sources, steady terms and terms with per-sample gains, in
        a random order, as buildTerms makes them. */
    struct RandomTerms
    {
        std::vector<std::vector<float>> buffers;
        std::vector<MixTerm> terms;

        RandomTerms (int count, int n, bool stereoBus, std::mt19937& rng)
        {
            std::uniform_real_distribution<float> sample (-1.0f, 1.0f);
            std::uniform_real_distribution<float> gain (0.0f, 2.0f);
            std::uniform_int_distribution<int> shape (0, 5);

            auto buffer = [&] (bool gains)
            {
                auto& b = buffers.emplace_back (static_cast<std::size_t> (n));
                for (auto& x : b)
                    x = gains ? gain (rng) : sample (rng);
                return b.data();
            };

            buffers.reserve (static_cast<std::size_t> (4 * count + 1));
            for (int k = 0; k < count; ++k)
            {
                MixTerm t;
                const int s = shape (rng);
                t.source[0] = buffer (false);
                t.source[1] = stereoBus && (s & 1) ? buffer (false) : t.source[0];
                t.gain[0] = gain (rng);
                t.gain[1] = gain (rng);
                if (s >= 4) // ramping: both sides written out
                {
                    t.rampedGains[0] = buffer (true);
                    if (stereoBus)
                        t.rampedGains[1] = buffer (true);
                }
                terms.push_back (t);
            }
        }
    };

    /** The contract, spelled out one sample at a time: acc = bus; acc += g * s per term. */
    void referenceAccumulate (float* bus, int channel, const std::vector<MixTerm>& terms, int n)
    {
        for (int i = 0; i < n; ++i)
        {
            volatile float acc = bus[i]; // volatile: one rounding per operation, in this order
            for (const auto& t : terms)
            {
                const float g = t.rampedGains[channel] != nullptr ? t.rampedGains[channel][i] : t.gain[channel];
                const volatile float product = g * t.source[channel][i];
                acc = acc + product;
            }
            bus[i] = acc;
        }
    }

    std::vector<float> randomBus (int n, std::mt19937& rng)
    {
        std::uniform_real_distribution<float> sample (-1.0f, 1.0f);
        std::vector<float> bus (static_cast<std::size_t> (n));
        for (auto& x : bus)
            x = sample (rng);
        return bus;
    }

    bool sameBits (const std::vector<float>& a, const std::vector<float>& b)
    {
        return a.size() == b.size() && std::memcmp (a.data(), b.data(), sizeof (float) * a.size()) == 0;
    }
}

TEST_CASE ("Both kernel builds sum a stereo bus exactly as the per-sample contract says, bit for bit", "[engine][kernels]")
{
    std::mt19937 rng (2024);
    INFO ("this CPU runs the AVX2 build: " << cpuHasAvx2());

    for (const int n : { 0, 1, 3, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 100, 513 })
        for (const int count : { 0, 1, 2, 5, 13, 82 })
        {
            CAPTURE (n, count);
            const RandomTerms random (count, n, true, rng);
            const auto busLeft = randomBus (n, rng);
            const auto busRight = randomBus (n, rng);

            auto expectedLeft = busLeft, expectedRight = busRight;
            referenceAccumulate (expectedLeft.data(), 0, random.terms, n);
            referenceAccumulate (expectedRight.data(), 1, random.terms, n);

            auto baselineLeft = busLeft, baselineRight = busRight;
            builds::accumulateStereoBaseline (baselineLeft.data(), baselineRight.data(), random.terms.data(), count, n);
            CHECK (sameBits (baselineLeft, expectedLeft));
            CHECK (sameBits (baselineRight, expectedRight));

            if (cpuHasAvx2())
            {
                auto avxLeft = busLeft, avxRight = busRight;
                builds::accumulateStereoAvx2 (avxLeft.data(), avxRight.data(), random.terms.data(), count, n);
                CHECK (sameBits (avxLeft, expectedLeft));
                CHECK (sameBits (avxRight, expectedRight));
            }
        }
}

TEST_CASE ("Both kernel builds sum a mono bus exactly as the per-sample contract says, bit for bit", "[engine][kernels]")
{
    std::mt19937 rng (77);

    for (const int n : { 0, 1, 4, 9, 31, 32, 33, 64, 65, 300 })
        for (const int count : { 0, 1, 8, 9, 40 })
        {
            CAPTURE (n, count);
            const RandomTerms random (count, n, false, rng);
            const auto bus = randomBus (n, rng);

            auto expected = bus;
            referenceAccumulate (expected.data(), 0, random.terms, n);

            auto baseline = bus;
            builds::accumulateMonoBaseline (baseline.data(), random.terms.data(), count, n);
            CHECK (sameBits (baseline, expected));

            if (cpuHasAvx2())
            {
                auto avx = bus;
                builds::accumulateMonoAvx2 (avx.data(), random.terms.data(), count, n);
                CHECK (sameBits (avx, expected));
            }
        }
}
