namespace WeProtect.Summit.Data.Breakouts;

public enum BookingStatus { Confirmed, Waitlisted, Cancelled }
