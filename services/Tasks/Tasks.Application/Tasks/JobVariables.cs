using System.Text.Json;
using System.Text.Json.Nodes;
using Tasks.Domain.PlannedTasks;

namespace Tasks.Application.Tasks;

/// <summary>
/// The job variables an apply hands out (route 9): the planned task's id as "_id" and, when its input is a JSON
/// object, each of its properties; an input that isn't one comes as "input".
/// </summary>
public static class JobVariables
{
    public const string IdField = "_id";

    public static JsonObject Of(PlannedTask planned)
    {
        var variables = new JsonObject { [IdField] = planned.Id };
        JsonNode? input;
        try
        {
            input = JsonNode.Parse(planned.Input);
        }
        catch (JsonException)
        {
            input = null;
        }
        if (input is JsonObject properties)
        {
            foreach (var (name, value) in properties.ToList())
            {
                if (name == IdField) continue;
                properties.Remove(name);
                variables[name] = value;
            }
        }
        else
        {
            variables["input"] = planned.Input;
        }
        return variables;
    }
}
