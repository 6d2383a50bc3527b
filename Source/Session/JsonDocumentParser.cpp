#include "JsonDocumentParser.h"

#include "JsonPointer.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace foldback
{

namespace
{
    using json = nlohmann::json;

    /** Error wording without nlohmann's "[json.exception.parse_error.101] " prefix. */
    std::string withoutExceptionPrefix (const std::string& what)
    {
        if (what.rfind ("[json.exception.", 0) == 0)
        {
            const auto close = what.find ("] ");

            if (close != std::string::npos)
                return what.substr (close + 2);
        }

        return what;
    }

    /** A SAX handler that builds the DOM the way nlohmann does, while keeping track of
        where it is so that it can name the JSON pointer of whatever goes wrong. */
    class CheckingDomBuilder
    {
    public:
        explicit CheckingDomBuilder (json& rootToFill) : root (rootToFill) {}

        bool null()                                            { return place (json (nullptr)); }
        bool boolean (bool value)                              { return place (json (value)); }
        bool number_integer (json::number_integer_t value)     { return place (json (value)); }
        bool number_unsigned (json::number_unsigned_t value)   { return place (json (value)); }
        bool number_float (json::number_float_t value, const json::string_t&) { return place (json (value)); }
        bool string (json::string_t& value)                    { return place (json (std::move (value))); }

        bool binary (json::binary_t&)
        {
            fail ({}, "binary values are not allowed");
            return false;
        }

        bool start_object (std::size_t)                        { return open (json::object()); }
        bool start_array (std::size_t)                         { return open (json::array()); }

        bool end_object()
        {
            frames.pop_back();
            return true;
        }

        bool end_array()
        {
            frames.pop_back();
            return true;
        }

        bool key (json::string_t& name)
        {
            auto& top = frames.back();
            top.key = name;

            if (top.container->contains (name))
            {
                fail (pointerOfPendingValue(), "duplicate key '" + name + "' (each key may appear only once in an object)");
                return false;
            }

            return true;
        }

        bool parse_error (std::size_t position, const std::string& lastToken, const nlohmann::detail::exception& ex)
        {
            if (ex.id == 406)
            {
                fail (pointerOfPendingValue(),
                      "number " + lastToken + " is out of range: numbers must be finite");
                return false;
            }

            fail ({}, "not valid JSON: " + withoutExceptionPrefix (ex.what())
                          + " (byte " + std::to_string (position) + ")");
            return false;
        }

        std::optional<std::pair<std::string, std::string>> failure; ///< pointer and message

    private:
        struct Frame
        {
            json* container = nullptr;
            std::string key;
        };

        json& root;
        std::vector<Frame> frames;

        json* insert (json&& value)
        {
            if (frames.empty())
            {
                root = std::move (value);
                return &root;
            }

            auto& top = frames.back();

            if (top.container->is_array())
            {
                top.container->push_back (std::move (value));
                return &top.container->back();
            }

            auto& slot = (*top.container)[top.key];
            slot = std::move (value);
            return &slot;
        }

        bool place (json&& value)
        {
            insert (std::move (value));
            return true;
        }

        bool open (json&& container)
        {
            if (frames.size() >= static_cast<std::size_t> (maxJsonDepth))
            {
                fail (pointerOfPendingValue(),
                      "nested more than " + std::to_string (maxJsonDepth) + " levels deep");
                return false;
            }

            frames.push_back ({ insert (std::move (container)), {} });
            return true;
        }

        /** The pointer of the value being read now: open containers are the last
            element of their parent; the innermost one is about to receive a value. */
        std::string pointerOfPendingValue() const
        {
            std::string pointer;

            for (std::size_t i = 0; i < frames.size(); ++i)
            {
                const auto& frame = frames[i];
                const bool innermost = i + 1 == frames.size();

                if (frame.container->is_array())
                    pointer = appendToPointer (pointer, innermost ? frame.container->size()
                                                                  : frame.container->size() - 1);
                else
                    pointer = appendToPointer (pointer, frame.key);
            }

            return pointer;
        }

        void fail (std::string pointer, std::string message)
        {
            if (! failure)
                failure = std::make_pair (std::move (pointer), std::move (message));
        }
    };
}

bool parseJsonDocument (const std::string& text,
                        const std::string& fileName,
                        nlohmann::json& document,
                        std::vector<SessionError>& errors)
{
    const bool blank = std::all_of (text.begin(), text.end(), [] (char c)
    {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    });

    if (blank)
    {
        errors.push_back ({ fileName, {}, "the file is empty; expected a JSON object" });
        return false;
    }

    CheckingDomBuilder builder (document);
    const bool parsed = json::sax_parse (text, &builder, json::input_format_t::json, true, false);

    if (parsed && ! builder.failure)
        return true;

    if (builder.failure)
        errors.push_back ({ fileName, builder.failure->first, builder.failure->second });
    else
        errors.push_back ({ fileName, {}, "not valid JSON" });

    return false;
}

} // namespace foldback
