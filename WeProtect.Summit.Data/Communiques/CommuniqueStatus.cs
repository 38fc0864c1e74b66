namespace WeProtect.Summit.Data.Communiques;

public enum CommuniqueStatus { Queued, Generating, Published, Failed }
