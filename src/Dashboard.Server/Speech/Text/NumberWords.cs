namespace Dashboard.Server.Speech.Text;

/// <summary>Numbers as they are spoken in American English: "one hundred twenty three", "twenty first", "nineteen ninety nine".</summary>
public static class NumberWords
{
    private static readonly string[] Ones =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];
    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    private static readonly (long Value, string Name)[] Scales =
        [(1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand")];

    public static string Cardinal(long n)
    {
        if (n < 0) return "minus " + Cardinal(-n);
        if (n < 20) return Ones[n];
        if (n < 100) return Tens[n / 10] + (n % 10 > 0 ? " " + Ones[n % 10] : "");
        if (n < 1000) return Ones[n / 100] + " hundred" + (n % 100 > 0 ? " " + Cardinal(n % 100) : "");
        foreach (var (value, name) in Scales)
        {
            if (n >= value) return Cardinal(n / value) + " " + name + (n % value > 0 ? " " + Cardinal(n % value) : "");
        }
        throw new ArgumentOutOfRangeException(nameof(n));
    }

    public static string Ordinal(long n)
    {
        var words = Cardinal(n);
        var last = words.LastIndexOf(' ') + 1;
        return words[..last] + OrdinalOf(words[last..]);
    }

    /// <summary>Four-digit years read in pairs: 1999 "nineteen ninety nine", 1900 "nineteen hundred", 2005 "two thousand five", 2024 "twenty twenty four".</summary>
    public static string Year(int year)
    {
        if (year is >= 2000 and < 2010) return Cardinal(year);
        var (high, low) = (year / 100, year % 100);
        if (low == 0) return Cardinal(high) + " hundred";
        return Cardinal(high) + " " + (low < 10 ? "oh " + Ones[low] : Cardinal(low));
    }

    /// <summary>Digits after a decimal point are read one by one: "three point one four".</summary>
    public static string Digits(string digits) => string.Join(' ', digits.Select(d => Ones[d - '0']));

    public static bool LooksLikeYear(string digits) =>
        digits.Length == 4 && int.TryParse(digits, out var n) && n is >= 1100 and <= 2099 && n % 1000 != 0;

    private static string OrdinalOf(string word) => word switch
    {
        "one" => "first",
        "two" => "second",
        "three" => "third",
        "five" => "fifth",
        "eight" => "eighth",
        "nine" => "ninth",
        "twelve" => "twelfth",
        _ when word.EndsWith('y') => word[..^1] + "ieth",
        _ => word + "th",
    };
}
