import { describe, expect, it } from 'vitest';
import { badRequest, convertRequest as convert, weatherTool } from './helpers.js';

// The tools are read inside the request: the tables go through `convertToConverseRequest`.

describe('tools and tool choice', () => {
  it('sends function tools as toolSpecs, with strict', () => {
    const { input, features } = convert({
      tools: [weatherTool, { type: 'function', function: { name: 'now', strict: true } }],
    });
    expect(input.toolConfig).toEqual({
      tools: [
        { toolSpec: { name: 'get_weather', description: 'Weather now', inputSchema: { json: weatherTool.function.parameters } } },
        { toolSpec: { name: 'now', inputSchema: { json: { type: 'object', properties: {} } }, strict: true } },
      ],
    });
    expect(features.tools).toBe('tools');
  });

  it.each([
    ['auto', { auto: {} }],
    ['required', { any: {} }],
    [{ type: 'function', function: { name: 'get_weather' } }, { tool: { name: 'get_weather' } }],
    [{ type: 'allowed_tools', allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'get_weather' } }] } }, { any: {} }],
    [{ type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name: 'get_weather' } }] } }, { auto: {} }],
  ])('maps tool_choice %j to %j', (toolChoice, expected) => {
    expect(convert({ tools: [weatherTool], tool_choice: toolChoice }).input.toolConfig?.toolChoice).toEqual(expected);
  });

  it('narrows the tools to allowed_tools', () => {
    const other = { type: 'function', function: { name: 'other' } };
    const { input } = convert({
      tools: [weatherTool, other],
      tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name: 'other' } }] } },
    });
    expect(input.toolConfig?.tools?.map((tool) => tool.toolSpec?.name)).toEqual(['other']);
  });

  it('sends no toolConfig for tool_choice none on a conversation without tool blocks', () => {
    expect(convert({ tools: [weatherTool], tool_choice: 'none' }).input.toolConfig).toBeUndefined();
  });

  it('keeps the toolConfig, without a tool choice, for tool_choice none when the history holds tool blocks', () => {
    const { input } = convert({
      tools: [weatherTool],
      tool_choice: 'none',
      messages: [
        { role: 'user', content: 'Weather?' },
        { role: 'assistant', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'Sunny' },
      ],
    });
    expect(input.toolConfig).toEqual({ tools: [expect.objectContaining({ toolSpec: expect.objectContaining({ name: 'get_weather' }) })] });
  });

  it('sends stand-in tool definitions when the history holds tool blocks but the request has no tools', () => {
    const { input } = convert({
      messages: [
        { role: 'user', content: 'Weather?' },
        { role: 'assistant', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get.weather', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'Sunny' },
      ],
    });
    expect(input.toolConfig).toEqual({
      tools: [{ toolSpec: { name: 'get_weather', description: 'A tool called earlier in this conversation.', inputSchema: { json: { type: 'object' } } } }],
    });
  });

  it('maps tool names outside Bedrock charset, and gives them back through the map', () => {
    const { input, toolNames } = convert({
      tools: [{ type: 'function', function: { name: 'weather.get' } }],
      tool_choice: { type: 'function', function: { name: 'weather.get' } },
    });
    expect(input.toolConfig?.tools?.[0]?.toolSpec?.name).toBe('weather_get');
    expect(input.toolConfig?.toolChoice).toEqual({ tool: { name: 'weather_get' } });
    expect(toolNames.fromBedrock.get('weather_get')).toBe('weather.get');
  });

  it('records the Bedrock tool choice for the capability check', () => {
    expect(convert({ tools: [weatherTool], tool_choice: 'required' }).features.toolChoice).toEqual({ param: 'tool_choice', value: 'any' });
  });

  it.each([
    [{ tools: 'x' }, 'tools'],
    [{ tools: [{ type: 'retrieval' }] }, 'tools[0].type'],
    [{ tools: [{ type: 'function', function: { name: '' } }] }, 'tools[0].function.name'],
    [{ tools: [weatherTool, weatherTool] }, 'tools[1].function.name'],
    [{ tools: [{ type: 'function', function: { name: 'f', parameters: [] } }] }, 'tools[0].function.parameters'],
    [{ tool_choice: 'required' }, 'tool_choice'],
    [{ tools: [weatherTool], tool_choice: 'sometimes' }, 'tool_choice'],
    [{ tools: [weatherTool], tool_choice: { type: 'function', function: { name: 'nope' } } }, 'tool_choice.function.name'],
    [{ tools: [weatherTool], tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name: 'nope' } }] } } }, 'tool_choice.allowed_tools.tools[0]'],
    [{ tools: [{ type: 'custom', custom: { name: 'c' } }] }, 'tools[0]'],
    [{ tools: [weatherTool], tool_choice: { type: 'custom', custom: { name: 'c' } } }, 'tool_choice'],
  ])('rejects %j', (params, param) => {
    expect(badRequest(() => convert(params)).param).toBe(param);
  });

  it('leaves out an empty tool description (Bedrock requires length >= 1 when one is sent)', () => {
    const tool = { type: 'function', function: { name: 'lookup', description: '', parameters: { type: 'object' } } };
    const spec = convert({ tools: [tool] }).input.toolConfig?.tools?.[0]?.toolSpec;
    expect(spec).toEqual({ name: 'lookup', inputSchema: { json: { type: 'object' } } });
    expect(spec).not.toHaveProperty('description');
  });
});
