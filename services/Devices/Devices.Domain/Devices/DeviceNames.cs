namespace Devices.Domain.Devices;

/// <summary>
/// The two-word labels devices are known by ("Atomic Mammal"): an adjective and an animal, 160 × 160 = 25,600 of them.
/// Uniqueness is the store's (a unique index on the name): registration draws again when a name is taken, and once a
/// few draws in a row collide (the space is getting full) it numbers the label ("Atomic Mammal 17"), so registering
/// never fails for want of a name.
/// </summary>
public static class DeviceNames
{
    /// <summary>Two-word draws before a label gets a number.</summary>
    public const int PlainAttempts = 8;

    private static readonly string[] Adjectives =
    [
        "Able", "Agile", "Amber", "Ancient", "Arctic", "Atomic", "Autumn", "Azure", "Bold", "Brave", "Breezy", "Bright",
        "Brisk", "Bronze", "Calm", "Candid", "Cheerful", "Civic", "Clever", "Cloudy", "Coastal", "Cobalt", "Cosmic", "Crimson",
        "Crisp", "Curious", "Daring", "Dawn", "Dazzling", "Deep", "Desert", "Diligent", "Dusty", "Eager", "Early", "Electric",
        "Elegant", "Emerald", "Enormous", "Epic", "Fair", "Fearless", "Fierce", "Fiery", "Flying", "Fond", "Forest", "Frosty",
        "Gallant", "Gentle", "Giant", "Gifted", "Glacial", "Gleaming", "Golden", "Grand", "Happy", "Hardy", "Hidden", "Honest",
        "Humble", "Icy", "Indigo", "Iron", "Ivory", "Jade", "Jolly", "Jovial", "Keen", "Kind", "Lively", "Lofty",
        "Lucky", "Lunar", "Magnetic", "Majestic", "Marble", "Mellow", "Merry", "Mighty", "Misty", "Modest", "Noble", "Nimble",
        "Northern", "Oaken", "Ocean", "Olive", "Orbital", "Patient", "Pearl", "Plucky", "Polar", "Polished", "Proud", "Quick",
        "Quiet", "Radiant", "Rapid", "Rare", "Ready", "Regal", "Restless", "Rocky", "Royal", "Ruby", "Rugged", "Rustic",
        "Sandy", "Sapphire", "Scarlet", "Serene", "Shady", "Sharp", "Shining", "Silent", "Silver", "Sleek", "Smooth", "Snowy",
        "Solar", "Solid", "Sonic", "Southern", "Sparkling", "Speedy", "Spirited", "Starry", "Steady", "Stellar", "Stormy", "Sturdy",
        "Sunny", "Swift", "Tidal", "Tireless", "Topaz", "Tranquil", "Tropical", "Trusty", "Twilight", "Upbeat", "Urban", "Valiant",
        "Velvet", "Vivid", "Wandering", "Warm", "Western", "Whispering", "Wild", "Windy", "Wise", "Witty", "Young", "Zealous",
        "Zesty", "Zen", "Bouncy", "Lucid",
    ];

    private static readonly string[] Animals =
    [
        "Albatross", "Alligator", "Alpaca", "Antelope", "Armadillo", "Badger", "Barracuda", "Beaver", "Bison", "Bobcat", "Buffalo", "Butterfly",
        "Camel", "Capybara", "Caribou", "Cheetah", "Chinchilla", "Cobra", "Condor", "Cougar", "Coyote", "Crane", "Cricket", "Crocodile",
        "Dingo", "Dolphin", "Dormouse", "Dove", "Dragonfly", "Eagle", "Eel", "Egret", "Elephant", "Elk", "Emu", "Falcon",
        "Ferret", "Finch", "Firefly", "Flamingo", "Fox", "Gazelle", "Gecko", "Gibbon", "Giraffe", "Gopher", "Gorilla", "Grasshopper",
        "Grizzly", "Gull", "Hamster", "Hare", "Hawk", "Hedgehog", "Heron", "Hippo", "Hornet", "Horse", "Hummingbird", "Hyena",
        "Ibex", "Ibis", "Iguana", "Impala", "Jackal", "Jaguar", "Jellyfish", "Kangaroo", "Kestrel", "Kingfisher", "Kiwi", "Koala",
        "Kookaburra", "Ladybug", "Lemming", "Lemur", "Leopard", "Lion", "Lizard", "Llama", "Lobster", "Lynx", "Macaw", "Magpie",
        "Mammal", "Manatee", "Mantis", "Marmot", "Meerkat", "Mink", "Mole", "Mongoose", "Moose", "Narwhal", "Newt", "Nightingale",
        "Ocelot", "Octopus", "Okapi", "Orca", "Oriole", "Osprey", "Ostrich", "Otter", "Owl", "Panda", "Panther", "Parrot",
        "Peacock", "Pelican", "Penguin", "Pheasant", "Platypus", "Puffin", "Puma", "Python", "Quail", "Quokka", "Rabbit", "Raccoon",
        "Raven", "Reindeer", "Rhino", "Robin", "Salamander", "Salmon", "Seahorse", "Seal", "Shark", "Sparrow", "Squid", "Squirrel",
        "Starling", "Stingray", "Stork", "Swallow", "Swan", "Tapir", "Tiger", "Tortoise", "Toucan", "Turtle", "Viper", "Vulture",
        "Walrus", "Warbler", "Weasel", "Whale", "Wildcat", "Wolf", "Wolverine", "Wombat", "Woodpecker", "Wren", "Yak", "Zebra",
        "Bluejay", "Chameleon", "Pangolin", "Marten",
    ];

    public static int Capacity => Adjectives.Length * Animals.Length;

    /// <summary>The <paramref name="attempt"/>-th (from 0) label to try: two words at first, numbered once the plain draws kept colliding.</summary>
    public static string Draw(Random random, int attempt)
    {
        var label = $"{Adjectives[random.Next(Adjectives.Length)]} {Animals[random.Next(Animals.Length)]}";
        return attempt < PlainAttempts ? label : $"{label} {random.Next(2, 10_000)}";
    }
}
