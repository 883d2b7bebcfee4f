// REST API of orders (DESIGN.md): create (optional Idempotency-Key), list with a cursor, get by id.
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateOrderDto, ID_PATTERN, ListOrdersQueryDto, OrderDto, OrderPageDto } from '@obs/contracts';
import { NotFoundError } from '@obs/observability';
import { parseIdempotencyKey } from './idempotency-key';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@Controller('api/orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeat returns the first result; another body with the same key is a 409.' })
  @ApiCreatedResponse({ type: OrderDto })
  create(@Body() body: CreateOrderDto, @Headers('idempotency-key') key: string | undefined): Promise<OrderDto> {
    return this.orders.create(body, parseIdempotencyKey(key));
  }

  @Get()
  @ApiOkResponse({ type: OrderPageDto })
  list(@Query() query: ListOrdersQueryDto): Promise<OrderPageDto> {
    return this.orders.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: OrderDto })
  get(@Param('id') id: string): Promise<OrderDto> {
    // An id we could never have issued is simply unknown.
    if (!ID_PATTERN.test(id)) throw new NotFoundError(`order ${id.slice(0, 128)} not found`);
    return this.orders.get(id);
  }
}
