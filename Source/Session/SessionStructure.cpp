#include "SessionStructure.h"

#include "SessionSchema.h"

namespace foldback
{

namespace
{
    template <schema::Described Struct>
    bool sameFields (const Struct& a, const Struct& b);

    /** A structural object or list is the same shape when its elements (or keys) are the
        same and each has the same structural fields; a plain value when it is equal. */
    template <typename Value>
    bool sameShape (const Value& a, const Value& b)
    {
        if constexpr (schema::Described<Value>)
        {
            return sameFields (a, b);
        }
        else if constexpr (schema::KeyedObjects<Value>)
        {
            if (a.size() != b.size())
                return false;

            for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
                if (i->first != j->first || ! sameShape (i->second, j->second))
                    return false;

            return true;
        }
        else if constexpr (schema::ListOfObjects<Value>)
        {
            if (a.size() != b.size())
                return false;

            for (std::size_t i = 0; i < a.size(); ++i)
                if (! sameShape (a[i], b[i]))
                    return false;

            return true;
        }
        else
        {
            return a == b;
        }
    }

    template <schema::Described Struct>
    bool sameFields (const Struct& a, const Struct& b)
    {
        bool same = true;

        schema::forEachField<Struct> ([&] (const auto& field)
        {
            if (same && field.change == schema::Change::structural)
                same = sameShape (field.of (a), field.of (b));
        });

        return same;
    }
}

bool sameStructure (const Session& a, const Session& b)
{
    return sameFields (a, b);
}

} // namespace foldback
